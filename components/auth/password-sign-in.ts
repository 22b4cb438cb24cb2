// The password form's request to next-auth's credentials callback, made directly rather than through
// next-auth's signIn(), which drops the status details: a 429 carries how long the lock lasts
// (lib/auth/sign-in-limit.ts), and the person should read that, not "invalid password".

export type PasswordSignInResult = { ok: true } | { ok: false; message: string };

const INVALID = "Invalid email or password.";
const UNAVAILABLE = "Sign-in failed. Try again in a moment.";

type CallbackBody = { url?: string; error?: { message?: string } };

export async function signInWithPassword(email: string, password: string): Promise<PasswordSignInResult> {
  // next-auth's own endpoint, fetched directly: its client library would add about 10 kB to the sign-in page.
  const csrfToken = ((await fetch("/api/auth/csrf").then((answer) => answer.json()).catch(() => ({}))) as { csrfToken?: string }).csrfToken ?? "";
  const response = await fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: window.location.href, json: "true" }),
  });
  const body = (await response.json().catch(() => ({}))) as CallbackBody;
  return passwordSignInResult(response.status, body, response.headers.get("Retry-After"));
}

/** How the callback's answer reads to a person (pure, for tests). */
export function passwordSignInResult(status: number, body: CallbackBody, retryAfter: string | null): PasswordSignInResult {
  if (status === 429) return { ok: false, message: body.error?.message ?? tooManyAttempts(Number(retryAfter)) };
  const error = body.url ? new URL(body.url, "http://localhost").searchParams.get("error") : null;
  if (status >= 200 && status < 300 && !error) return { ok: true };
  if (error === "CredentialsSignin") return { ok: false, message: INVALID };
  if (error === "TooManyAttempts") return { ok: false, message: tooManyAttempts(Number.NaN) };
  return { ok: false, message: UNAVAILABLE };
}

function tooManyAttempts(retryAfterSeconds: number): string {
  if (!Number.isFinite(retryAfterSeconds) || retryAfterSeconds <= 0) return "Too many attempts, try again in a few minutes.";
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts, try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
