// The limiters against the run's real PostgreSQL (table RateLimitCounter). Each test has its own key
// prefix; the clock is a fake Date (the library and the leases both read Date.now()).
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { personActor, tokenActor, testDb } from "../../test/helpers";
import { AppError } from "../errors";
import { PrismaClient } from "../generated/prisma/client.ts";
import { ApiLimiter, limitApiCaller, SignInLimiter, type RateLimitSettings } from "./rate-limit";

const MINUTE = 60_000;
const START = new Date("2026-11-28T09:00:00Z").getTime();

function settings(overrides: Partial<RateLimitSettings> = {}): RateLimitSettings {
  return {
    signInAccountLimit: 5,
    signInAddressLimit: 20,
    signInLockSeconds: 15 * 60,
    apiPerMinute: 6000,
    keyPrefix: `t${randomBytes(4).toString("hex")}-`,
    ...overrides,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: START });
});
afterEach(() => {
  vi.useRealTimers();
});

const at = (ms: number) => vi.setSystemTime(START + ms);

/** One password attempt: the outcome the sign-in route would give. */
async function attempt(limiter: SignInLimiter, email: string, address: string, passwordIsRight: boolean) {
  const started = await limiter.begin(email, address);
  if (started.locked) return { outcome: "locked" as const, lock: started.locked };
  if (passwordIsRight) {
    await started.succeeded();
    return { outcome: "signed-in" as const };
  }
  await started.failed();
  return { outcome: "wrong" as const };
}

describe("SignInLimiter", () => {
  it("locks an account after 5 failures, and the right password does not get through the lock", async () => {
    const limiter = new SignInLimiter(testDb(), settings());
    for (let i = 0; i < 5; i++) expect((await attempt(limiter, "pat@example.test", "192.0.2.1", false)).outcome).toBe("wrong");

    expect(await limiter.lockFor("pat@example.test", "192.0.2.1")).toEqual({ scope: "account", retryAfterSeconds: 900 });
    // From another address too: the lock is the account's.
    const right = await attempt(limiter, "PAT@example.test", "198.51.100.9", true);
    expect(right).toEqual({ outcome: "locked", lock: { scope: "account", retryAfterSeconds: 900 } });
  });

  it("lasts the whole window from the failure that locked it, and then lets the right password in", async () => {
    const limiter = new SignInLimiter(testDb(), settings());
    await attempt(limiter, "sam@example.test", "192.0.2.2", false);
    at(10 * MINUTE);
    for (let i = 0; i < 4; i++) await attempt(limiter, "sam@example.test", "192.0.2.2", false);
    // Locked at minute 10 for 15 minutes, not until the first failure's window ends at minute 15.
    at(20 * MINUTE);
    expect(await limiter.lockFor("sam@example.test", "192.0.2.2")).toEqual({ scope: "account", retryAfterSeconds: 300 });
    expect((await attempt(limiter, "sam@example.test", "192.0.2.2", true)).outcome).toBe("locked");
    // Attempts during the lock do not extend it.
    at(25 * MINUTE);
    expect(await limiter.lockFor("sam@example.test", "192.0.2.2")).toBeNull();
    expect((await attempt(limiter, "sam@example.test", "192.0.2.2", true)).outcome).toBe("signed-in");
  });

  it("a success before the lock clears the account's failures", async () => {
    const limiter = new SignInLimiter(testDb(), settings());
    for (let i = 0; i < 4; i++) await attempt(limiter, "kim@example.test", "192.0.2.3", false);
    expect((await attempt(limiter, "kim@example.test", "192.0.2.3", true)).outcome).toBe("signed-in");
    for (let i = 0; i < 4; i++) expect((await attempt(limiter, "kim@example.test", "192.0.2.3", false)).outcome).toBe("wrong");
    expect(await limiter.lockFor("kim@example.test", "192.0.2.3")).toBeNull();
  });

  it("locks an address after 20 failures over many accounts, and successes do not pay them back", async () => {
    const limiter = new SignInLimiter(testDb(), settings());
    for (let i = 0; i < 19; i++) await attempt(limiter, `spray${i}@example.test`, "203.0.113.50", false);
    expect((await attempt(limiter, "real@example.test", "203.0.113.50", true)).outcome).toBe("signed-in");
    expect((await attempt(limiter, "spray19@example.test", "203.0.113.50", false)).outcome).toBe("wrong");

    expect(await limiter.lockFor("someone@example.test", "203.0.113.50")).toEqual({ scope: "address", retryAfterSeconds: 900 });
    expect((await attempt(limiter, "real@example.test", "203.0.113.50", true)).outcome).toBe("locked");
    // Another address is not affected, nor are the accounts (one failure each).
    expect((await attempt(limiter, "spray1@example.test", "203.0.113.51", true)).outcome).toBe("signed-in");
  });

  it("shares one IPv6 /64 between its addresses", async () => {
    const limiter = new SignInLimiter(testDb(), settings({ signInAddressLimit: 3 }));
    for (let i = 1; i <= 3; i++) await attempt(limiter, `v6-${i}@example.test`, `2001:db8:1:2::${i}`, false);
    expect(await limiter.lockFor("other@example.test", "2001:db8:1:2:ffff::9")).toMatchObject({ scope: "address" });
    expect(await limiter.lockFor("other@example.test", "2001:db8:1:3::1")).toBeNull();
  });

  it("works when its statements go through Prisma (a module copy without the pool, as in a production build)", async () => {
    const other = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
    try {
      const limiter = new SignInLimiter(other, settings({ signInAccountLimit: 2 }));
      for (let i = 0; i < 2; i++) expect((await attempt(limiter, "prisma@example.test", "192.0.2.8", false)).outcome).toBe("wrong");
      expect(await limiter.lockFor("prisma@example.test", "192.0.2.8")).toEqual({ scope: "account", retryAfterSeconds: 900 });
    } finally {
      await other.$disconnect();
    }
  });

  it("lets no more than the limit of parallel guesses check a password", async () => {
    const limiter = new SignInLimiter(testDb(), settings());
    const results = await Promise.all(Array.from({ length: 30 }, () => limiter.begin("burst@example.test", "192.0.2.77")));
    expect(results.filter((result) => !result.locked)).toHaveLength(5);
  });
});

describe("ApiLimiter", () => {
  it("serves the limit per minute across processes, then 429s until the window ends", async () => {
    const shared = settings({ apiPerMinute: 50, apiLeaseSize: 7 });
    // Two limiters on one table are two server processes.
    const [one, two] = [new ApiLimiter(testDb(), shared), new ApiLimiter(testDb(), shared)];
    let allowed = 0;
    for (let i = 0; i < 60; i++) {
      const decision = await (i % 2 ? one : two).take("token-a");
      if (decision.allowed) allowed += 1;
    }
    // Never more than the limit; at most a lease short of it per process.
    expect(allowed).toBeLessThanOrEqual(50);
    expect(allowed).toBeGreaterThanOrEqual(50 - 2 * 7);
    at(30_000);
    expect(await one.take("token-a")).toEqual({ allowed: false, retryAfterSeconds: 30 });
    expect((await two.take("token-b")).allowed).toBe(true);
    at(60_000);
    expect((await one.take("token-a")).allowed).toBe(true);
  });

  it("shares one refill between concurrent requests of a process", async () => {
    const limiter = new ApiLimiter(testDb(), settings({ apiPerMinute: 1000, apiLeaseSize: 100 }));
    const decisions = await Promise.all(Array.from({ length: 100 }, () => limiter.take("token-c")));
    expect(decisions.every((decision) => decision.allowed)).toBe(true);
    const rows = await testDb().rateLimitCounter.findMany({ where: { key: { endsWith: "api-token:token-c" } } });
    expect(rows.map((row) => row.points)).toEqual([100]);
  });

  it("limitApiCaller answers RATE_LIMITED with Retry-After and RateLimit headers, and leaves people alone", async () => {
    const limiter = new ApiLimiter(testDb(), settings({ apiPerMinute: 2, apiLeaseSize: 1 }));
    const token = tokenActor();
    await limitApiCaller(token, limiter);
    await limitApiCaller(token, limiter);
    const error = await limitApiCaller(token, limiter).then(() => null, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(429);
    expect((error as AppError).responseHeaders).toEqual({
      "Retry-After": "60",
      "RateLimit-Limit": "2",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "60",
      "RateLimit-Policy": "2;w=60",
    });
    await expect(limitApiCaller(personActor(), limiter)).resolves.toBeUndefined();
  });

  it("is off with a limit of 0", async () => {
    const limiter = new ApiLimiter(testDb(), settings({ apiPerMinute: 0 }));
    for (let i = 0; i < 5; i++) expect((await limiter.take("token-d")).allowed).toBe(true);
  });
});
