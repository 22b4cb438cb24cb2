import { describe, expect, it } from "vitest";
import { passwordSignInResult } from "./password-sign-in";

describe("passwordSignInResult", () => {
  it.each([
    ["signed in", 200, { url: "http://localhost:3000/" }, null, { ok: true }],
    ["wrong password", 401, { url: "http://localhost:3000/api/auth/error?error=CredentialsSignin&provider=credentials" }, null, { ok: false, message: "Invalid email or password." }],
    ["locked, with the server's words", 429, { error: { message: "Too many attempts, try again in 15 minutes." } }, "900", { ok: false, message: "Too many attempts, try again in 15 minutes." }],
    ["locked, from Retry-After alone", 429, {}, "61", { ok: false, message: "Too many attempts, try again in 2 minutes." }],
    ["locked, one minute", 429, {}, "30", { ok: false, message: "Too many attempts, try again in 1 minute." }],
    ["locked inside authorize, no wait known", 401, { url: "http://localhost/api/auth/error?error=TooManyAttempts" }, null, { ok: false, message: "Too many attempts, try again in a few minutes." }],
    ["anything else", 500, {}, null, { ok: false, message: "Sign-in failed. Try again in a moment." }],
  ])("%s", (_label, status, body, retryAfter, expected) => {
    expect(passwordSignInResult(status, body, retryAfter)).toEqual(expected);
  });
});
