// Password sign-in under the rate limits of lib/http/rate-limit.ts. authorize() in options.ts takes an
// attempt and reports how the password check went; the credentials callback route answers a locked
// account or address with 429 and Retry-After before next-auth runs, and turns the failure that
// locks into a 429 as well, so the person learns at once that waiting is the only way in.
import { clientAddress, parseTrustedProxies, type TrustedProxies } from "../http/client-address";
import { rateLimits, type SignInLock } from "../http/rate-limit";
import { env } from "../env";

let trusted: { spec: string; check: TrustedProxies } | undefined;

/** The client address of a request reaching a route handler (proxy.ts has separated X-Forwarded-For). */
export function signInAddress(headers: Headers): string {
  const spec = env().RUNWELL_TRUSTED_PROXIES;
  if (trusted?.spec !== spec) trusted = { spec, check: parseTrustedProxies(spec) };
  return clientAddress(headers, trusted.check);
}

/** Thrown by authorize() when the attempt may not check a password; next-auth passes the message on. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

/**
 * authorize()'s password check, counted: `check` runs only when the account and the address have an
 * attempt left, and its answer (true: the password is right) settles the attempt.
 */
export async function countedPasswordCheck(email: string, headers: Headers, check: () => Promise<boolean>): Promise<boolean> {
  const attempt = await rateLimits().signIn.begin(email, signInAddress(headers));
  if (attempt.locked) throw new Error(TOO_MANY_ATTEMPTS);
  const right = await check();
  await (right ? attempt.succeeded() : attempt.failed());
  return right;
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** What a person reads: "Too many attempts, try again in 14 minutes." */
export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const n = minutes(retryAfterSeconds);
  return `Too many attempts, try again in ${n} minute${n === 1 ? "" : "s"}.`;
}

/**
 * The 429. The body keeps next-auth's JSON shape (`url` with the error, which its client parses) and
 * adds the error in the API's shape with the wait, for the sign-in form.
 */
export function tooManyAttemptsResponse(lock: SignInLock, origin: string): Response {
  const message = tooManyAttemptsMessage(lock.retryAfterSeconds);
  return Response.json(
    {
      url: `${origin}/sign-in?error=${TOO_MANY_ATTEMPTS}`,
      error: { code: "RATE_LIMITED", message, retryAfterSeconds: lock.retryAfterSeconds },
    },
    { status: 429, headers: { "Retry-After": String(lock.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

/**
 * Wraps next-auth's POST to /api/auth/callback/credentials: refuses a locked attempt before next-auth
 * reads it, and answers the attempt that locked (next-auth says 401) with 429 too.
 */
export async function limitCredentialsCallback(request: Request, next: (request: Request) => Promise<Response>): Promise<Response> {
  const form = await request.clone().formData().catch(() => null);
  const email = form?.get("email");
  if (typeof email !== "string" || email === "") return next(request);
  const address = signInAddress(request.headers);
  const origin = env().NEXTAUTH_URL?.replace(/\/$/, "") ?? new URL(request.url).origin;
  const before = await rateLimits().signIn.lockFor(email, address);
  if (before) return tooManyAttemptsResponse(before, origin);
  const response = await next(request);
  if (response.status !== 401) return response;
  const after = await rateLimits().signIn.lockFor(email, address);
  return after ? tooManyAttemptsResponse(after, origin) : response;
}
