// /api/v1 is limited per token (RUNWELL_API_RATE_LIMIT requests a minute, lib/http/rate-limit.ts). Spending
// 6,000 requests in a test would take a minute of the shared machine, so the token's window is marked
// spent in the database, as another server process would have left it; the portal must then refuse.
import { createApiToken } from "../../lib/tokens/create-api-token";
import { withDatabase } from "../database";
import { expect, test } from "../fixtures";

const RUN = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a token past its requests per minute gets 429 with Retry-After and RateLimit headers", async ({ apiAs }) => {
  const secret = await withDatabase(async (prisma) => {
    const token = await createApiToken(prisma, { kind: "CLI", label: "cli:e2e" }, { service: "checkout-api", name: `E2E rate limit ${RUN}`, scopes: ["deployments:write"] });
    await prisma.rateLimitCounter.create({ data: { key: `api-token:${token.id}`, points: 1_000_000, expire: BigInt(Date.now() + 60_000) } });
    return token.secret;
  });
  const api = await apiAs(null);

  const response = await api.get("/api/v1/services", { headers: { Authorization: `Bearer ${secret}` } });
  expect(response.status()).toBe(429);
  const headers = response.headers();
  expect(Number(headers["retry-after"])).toBeGreaterThan(0);
  expect(Number(headers["retry-after"])).toBeLessThanOrEqual(60);
  expect(headers["ratelimit-limit"]).toMatch(/^\d+$/);
  expect(headers["ratelimit-remaining"]).toBe("0");
  expect(headers["ratelimit-reset"]).toBe(headers["retry-after"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/requests in a minute/) } });

  // Another token of the same service is not affected.
  const other = await withDatabase((prisma) =>
    createApiToken(prisma, { kind: "CLI", label: "cli:e2e" }, { service: "checkout-api", name: `E2E rate limit other ${RUN}`, scopes: ["deployments:write"] }),
  );
  expect((await api.get("/api/v1/services", { headers: { Authorization: `Bearer ${other.secret}` } })).status()).toBe(200);
});

test("a JSON body over 1 MB is answered 413 without being read", async ({ apiAs }) => {
  const { secret } = await withDatabase((prisma) =>
    createApiToken(prisma, { kind: "CLI", label: "cli:e2e" }, { service: "checkout-api", name: `E2E body limit ${RUN}`, scopes: ["deployments:write"] }),
  );
  const api = await apiAs(null);
  const response = await api.post("/api/v1/deployments", {
    headers: { Authorization: `Bearer ${secret}`, "content-type": "application/json" },
    data: JSON.stringify({ padding: "x".repeat(2 * 1024 * 1024) }),
  });
  expect(response.status()).toBe(413);
  expect(await response.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/larger than 1 MB/) } });
});

test("a server action body over 1 MB is answered 413 before Next.js reads it", async ({ apiAs }) => {
  const api = await apiAs("engineer");
  const response = await api.post("/notifications", {
    headers: { "next-action": "0000000000000000000000000000000000000000", "content-type": "text/plain;charset=UTF-8" },
    data: "x".repeat(2 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toMatch(/larger than 1 MB/);
});
