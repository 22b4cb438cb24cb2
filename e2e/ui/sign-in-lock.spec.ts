// Password sign-in is rate limited (lib/http/rate-limit.ts): after 5 failures the account is locked for
// 15 minutes and even the right password is refused, through the real form and over plain HTTP.
// Each test signs in as its own account, made with a password straight in the database (people added
// in the portal have none), so locking it disturbs no other spec. Every failure here also counts
// against the loopback address all specs share (20 allowed); afterAll gives those back.
import type { APIRequestContext } from "@playwright/test";
import { createPerson } from "../../prisma/seed/factories";
import { withDatabase } from "../database";
import { expect, SIGNED_OUT, test } from "../fixtures";

const PASSWORD = "lock-test-password";
const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const LOCK_MESSAGE = /^Too many attempts, try again in 1[45] minutes\.$/;

async function accountWithPassword(label: string): Promise<string> {
  const email = `e2e.lock.${label}.${RUN}@runwell.local`;
  await withDatabase((prisma) => prisma.$transaction((tx) => createPerson(tx, { email, name: `E2E Lock ${label} ${RUN}`, password: PASSWORD })));
  return email;
}

test.use({ storageState: SIGNED_OUT });

test.afterAll(async () => {
  await withDatabase((prisma) =>
    prisma.rateLimitCounter.deleteMany({ where: { key: { in: ["signin-address:127.0.0.1", "signin-address:0:0:0:0::/64"] } } }),
  );
});

test("six wrong passwords in the form lock the account, and then the right one is refused with the wait", async ({ page }) => {
  const email = await accountWithPassword("form");
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  const alert = page.locator("form").getByRole("alert");

  async function submit(password: string) {
    await page.getByLabel("Password").fill(password);
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith("/api/auth/callback/credentials")),
      page.getByRole("button", { name: "Sign in", exact: true }).click(),
    ]);
    return response;
  }

  for (let attempt = 1; attempt <= 4; attempt++) {
    expect((await submit(`wrong-${attempt}`)).status()).toBe(401);
    await expect(alert).toHaveText("Invalid email or password.");
  }
  // The fifth failure locks: the person is told at once.
  expect((await submit("wrong-5")).status()).toBe(429);
  await expect(alert).toHaveText(LOCK_MESSAGE);
  expect((await submit("wrong-6")).status()).toBe(429);

  const right = await submit(PASSWORD);
  expect(right.status()).toBe(429);
  expect(Number(right.headers()["retry-after"])).toBeGreaterThan(800);
  await expect(alert).toHaveText(LOCK_MESSAGE);
  await expect(page).toHaveURL("/sign-in");
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: unknown };
  expect(session.user).toBeUndefined();
});

async function credentialsAttempt(api: APIRequestContext, email: string, password: string, forwardedFor: string) {
  const { csrfToken } = (await (await api.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return api.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
    headers: { "x-forwarded-for": forwardedFor },
  });
}

test("the credentials callback answers 429 with Retry-After, and a forged X-Forwarded-For is not believed", async ({ playwright, baseURL }) => {
  const email = await accountWithPassword("http");
  const api = await playwright.request.newContext({ baseURL });
  try {
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await credentialsAttempt(api, email, "wrong", `198.51.100.${attempt}`)).status()).toBe(401);
    }
    const locking = await credentialsAttempt(api, email, "wrong", "198.51.100.5");
    expect(locking.status()).toBe(429);
    expect(locking.headers()["retry-after"]).toBe("900");

    const right = await credentialsAttempt(api, email, PASSWORD, "198.51.100.6");
    expect(right.status()).toBe(429);
    const retryAfter = Number(right.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const body = (await right.json()) as { url: string; error: { code: string; message: string; retryAfterSeconds: number } };
    expect(body.error).toEqual({ code: "RATE_LIMITED", message: expect.stringMatching(LOCK_MESSAGE), retryAfterSeconds: retryAfter });
    expect(new URL(body.url).searchParams.get("error")).toBe("TooManyAttempts");
    expect(right.headers()["set-cookie"] ?? "").not.toContain("session-token");

    // No proxy is trusted (RUNWELL_TRUSTED_PROXIES is unset), so the attempts counted against the socket's
    // address, not the five addresses the client claimed.
    const addresses = await withDatabase((prisma) => prisma.rateLimitCounter.findMany({ where: { key: { startsWith: "signin-address:" } }, select: { key: true } }));
    expect(addresses.map((row) => row.key).filter((key) => key.includes("198.51.100"))).toEqual([]);
    expect(addresses.map((row) => row.key)).toEqual(expect.arrayContaining([expect.stringMatching(/^signin-address:(127\.0\.0\.1|0:0:0:0::\/64)$/)]));
  } finally {
    await api.dispose();
  }
});
