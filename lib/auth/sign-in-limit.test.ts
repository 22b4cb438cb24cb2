// The credentials callback's wrapper and authorize()'s counted check, on the app's limiter and the
// run's PostgreSQL (default limits: 5 per account, 20 per address, 15 minutes).
import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { countedPasswordCheck, limitCredentialsCallback, TOO_MANY_ATTEMPTS, tooManyAttemptsMessage } from "./sign-in-limit";

const unique = () => randomBytes(4).toString("hex");

/** A callback POST as the route sees it: X-Forwarded-For is the socket's peer (proxy.ts cleared the client's). */
function callback(email: string, peer: string): Request {
  return new Request("http://localhost/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": peer },
    body: new URLSearchParams({ email, password: "whatever", csrfToken: "t", json: "true" }),
  });
}

/** next-auth, reduced to what the wrapper sees: authorize() through the limiter, then 200 or 401. */
const nextAuth = (passwordIsRight: boolean) =>
  vi.fn(async (request: Request) => {
    const email = String((await request.formData()).get("email"));
    try {
      const right = await countedPasswordCheck(email, request.headers, async () => passwordIsRight);
      return Response.json({ url: "http://localhost/" }, { status: right ? 200 : 401 });
    } catch (error) {
      expect((error as Error).message).toBe(TOO_MANY_ATTEMPTS);
      return Response.json({ url: `http://localhost/api/auth/error?error=${TOO_MANY_ATTEMPTS}` }, { status: 401 });
    }
  });

describe("limitCredentialsCallback", () => {
  it("passes failures through until the one that locks, answers that with 429, then refuses without asking next-auth", async () => {
    const email = `lock-${unique()}@example.test`;
    const peer = `192.0.2.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < 4; i++) expect((await limitCredentialsCallback(callback(email, peer), nextAuth(false))).status).toBe(401);

    const locking = await limitCredentialsCallback(callback(email, peer), nextAuth(false));
    expect(locking.status).toBe(429);
    expect(locking.headers.get("retry-after")).toBe("900");
    expect(await locking.json()).toEqual({
      url: `http://localhost/sign-in?error=${TOO_MANY_ATTEMPTS}`,
      error: { code: "RATE_LIMITED", message: "Too many attempts, try again in 15 minutes.", retryAfterSeconds: 900 },
    });

    const right = nextAuth(true);
    expect((await limitCredentialsCallback(callback(email, "198.51.100.1"), right)).status).toBe(429);
    expect(right).not.toHaveBeenCalled();
  });

  it("leaves requests without an email to next-auth", async () => {
    const next = vi.fn(async () => new Response(null, { status: 302 }));
    const request = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", body: "not a form" });
    expect((await limitCredentialsCallback(request, next)).status).toBe(302);
    expect(next).toHaveBeenCalledOnce();
  });
});

describe("tooManyAttemptsMessage", () => {
  it.each([
    [900, "Too many attempts, try again in 15 minutes."],
    [61, "Too many attempts, try again in 2 minutes."],
    [1, "Too many attempts, try again in 1 minute."],
  ])("%i s → %s", (seconds, message) => {
    expect(tooManyAttemptsMessage(seconds)).toBe(message);
  });
});
