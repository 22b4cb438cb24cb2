// Rate limits kept in PostgreSQL (table RateLimitCounter, rate-limiter-flexible's RateLimiterPostgres),
// so every process and instance on one database shares them:
//   - password sign-in, per account and per client address: failures lock for a window (docs/SECURITY.md);
//   - /api/v1, per token: requests per minute.
// The clock is Date.now(), the library's own; tests control it with fake Dates.
import { createHash } from "node:crypto";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { Actor } from "../auth/actor";
import { db, runPrepared, type DbTx } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import { addressBucket } from "./client-address";

export type RateLimitSettings = {
  signInAccountLimit: number;
  signInAddressLimit: number;
  /** The window failures are counted in, and the length of a lock. */
  signInLockSeconds: number;
  /** Requests per minute per token; 0 turns the limit off. */
  apiPerMinute: number;
  /** Points a process takes from PostgreSQL at a time for one token (see ApiLimiter). */
  apiLeaseSize?: number;
  /** Distinguishes limiters sharing the table (tests use their own). */
  keyPrefix?: string;
};

/**
 * The library's store client: its named statements run on the app's pool, prepared once per connection.
 * runPrepared may answer through Prisma instead (a module copy that did not create the client has no
 * pool), which returns `expire` as a BigInt; the library does arithmetic on it with numbers.
 */
function storeClient(prisma: DbTx) {
  return {
    async query(statement: { name?: string; text: string; values?: unknown[] }) {
      const rows = await runPrepared<Record<string, unknown>>(prisma, { name: statement.name ?? "", text: statement.text, values: statement.values ?? [] });
      const plain = rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, typeof value === "bigint" ? Number(value) : value])));
      return { rows: plain, rowCount: plain.length };
    },
  };
}

function limiter(prisma: DbTx, keyPrefix: string, points: number, durationSeconds: number, clearExpired = false) {
  return new RateLimiterPostgres({
    storeClient: storeClient(prisma),
    storeType: "client",
    tableName: "RateLimitCounter",
    tableCreated: true, // by migration 20261128010000_rate_limits, UNLOGGED
    clearExpiredByTimeout: clearExpired,
    keyPrefix,
    points,
    duration: durationSeconds,
  });
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** An over-limit answer from the library, as opposed to a store error. */
const isLimitAnswer = (value: unknown): value is RateLimiterRes => value instanceof RateLimiterRes;

export type SignInLock = { scope: "account" | "address"; retryAfterSeconds: number };

/** An attempt that may check the password; it must report how that went. */
export type SignInAttempt =
  | { locked: SignInLock }
  | { locked: null; succeeded: () => Promise<void>; failed: () => Promise<void> };

/** Accounts are keyed by a hash of the email: the counters hold no addresses of people. */
const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 40);

/**
 * Password sign-in. Each attempt first takes a point from its address and its account, atomically, so
 * parallel guesses cannot overrun the limit; the password is checked only if both had one left.
 * A failure that uses the last point locks for the whole window from then on. A success gives the
 * address its point back and clears the account's count (it was not locked, or no point was left to take).
 */
export class SignInLimiter {
  private readonly account;
  private readonly address;

  constructor(prisma: DbTx, private readonly settings: RateLimitSettings) {
    const prefix = settings.keyPrefix ?? "";
    this.account = limiter(prisma, `${prefix}signin-account`, settings.signInAccountLimit, settings.signInLockSeconds);
    this.address = limiter(prisma, `${prefix}signin-address`, settings.signInAddressLimit, settings.signInLockSeconds);
  }

  /** Whether this account or address is locked now; reads only. */
  async lockFor(email: string, address: string): Promise<SignInLock | null> {
    const [account, bucket] = await Promise.all([this.account.get(accountKey(email)), this.address.get(addressBucket(address))]);
    const locks: SignInLock[] = [];
    if (bucket && bucket.consumedPoints >= this.settings.signInAddressLimit) locks.push({ scope: "address", retryAfterSeconds: seconds(bucket.msBeforeNext) });
    if (account && account.consumedPoints >= this.settings.signInAccountLimit) locks.push({ scope: "account", retryAfterSeconds: seconds(account.msBeforeNext) });
    return locks.sort((a, b) => b.retryAfterSeconds - a.retryAfterSeconds)[0] ?? null;
  }

  async begin(email: string, address: string): Promise<SignInAttempt> {
    const accountId = accountKey(email);
    const bucket = addressBucket(address);
    // The address first: from a locked address, guesses do not even count against the account.
    const fromAddress = await this.take(this.address, bucket, "address");
    if ("locked" in fromAddress) return fromAddress;
    const fromAccount = await this.take(this.account, accountId, "account");
    if ("locked" in fromAccount) return fromAccount;
    const { signInAccountLimit, signInAddressLimit, signInLockSeconds } = this.settings;
    return {
      locked: null,
      succeeded: async () => {
        await Promise.all([this.address.reward(bucket, 1), this.account.delete(accountId)]);
      },
      failed: async () => {
        await Promise.all([
          fromAccount.used.consumedPoints >= signInAccountLimit ? this.account.block(accountId, signInLockSeconds) : null,
          fromAddress.used.consumedPoints >= signInAddressLimit ? this.address.block(bucket, signInLockSeconds) : null,
        ]);
      },
    };
  }

  private async take(store: RateLimiterPostgres, key: string, scope: SignInLock["scope"]): Promise<{ locked: SignInLock } | { used: RateLimiterRes }> {
    try {
      return { used: await store.consume(key, 1) };
    } catch (error) {
      if (isLimitAnswer(error)) return { locked: { scope, retryAfterSeconds: seconds(error.msBeforeNext) } };
      throw error;
    }
  }
}

export type ApiDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Lease = { remaining: number; endsAt: number; lastOfWindow: boolean };

/**
 * Requests per token per minute, on the hot ingest and gate path. A process does not write PostgreSQL
 * per request: it takes a lease of `apiLeaseSize` points of the token's window at a time (one upsert)
 * and spends it in memory. Leases come out of the shared count, so all processes together never serve
 * more than the limit; a lease another process has not spent yet can make a token hit 429 at most
 * (processes × lease size) requests early. Once the store says the window is spent, the process
 * answers 429 from memory until the window ends.
 */
export class ApiLimiter {
  private readonly store;
  private readonly leaseSize: number;
  private readonly leases = new Map<string, Lease>();
  private readonly refills = new Map<string, Promise<void>>();

  constructor(prisma: DbTx, private readonly settings: RateLimitSettings) {
    this.store = limiter(prisma, `${settings.keyPrefix ?? ""}api-token`, Math.max(1, settings.apiPerMinute), 60, true);
    this.leaseSize = settings.apiLeaseSize ?? Math.max(1, Math.floor(settings.apiPerMinute / 100));
  }

  get limit(): number {
    return this.settings.apiPerMinute;
  }

  async take(tokenId: string): Promise<ApiDecision> {
    if (this.settings.apiPerMinute === 0) return { allowed: true };
    for (;;) {
      const lease = this.leases.get(tokenId);
      const now = Date.now();
      if (lease && now < lease.endsAt) {
        if (lease.remaining > 0) {
          lease.remaining -= 1;
          return { allowed: true };
        }
        if (lease.lastOfWindow) return { allowed: false, retryAfterSeconds: seconds(lease.endsAt - now) };
      }
      // One refill per token at a time; requests that arrive meanwhile wait for it and spend from it.
      let refill = this.refills.get(tokenId);
      if (!refill) {
        refill = this.refill(tokenId).finally(() => this.refills.delete(tokenId));
        this.refills.set(tokenId, refill);
      }
      await refill;
    }
  }

  private async refill(tokenId: string): Promise<void> {
    const size = this.leaseSize;
    let lease: Lease;
    try {
      const answer = await this.store.consume(tokenId, size);
      lease = { remaining: size, endsAt: Date.now() + Math.max(1, answer.msBeforeNext), lastOfWindow: false };
    } catch (error) {
      if (!isLimitAnswer(error)) throw error;
      // The upsert is atomic: what was left before this lease is ours, up to its size.
      const leftBefore = this.settings.apiPerMinute - (error.consumedPoints - size);
      lease = { remaining: Math.max(0, Math.min(size, leftBefore)), endsAt: Date.now() + Math.max(1, error.msBeforeNext), lastOfWindow: true };
    }
    if (this.leases.size > 10_000) this.forgetEnded();
    this.leases.set(tokenId, lease);
  }

  private forgetEnded(): void {
    const now = Date.now();
    for (const [key, lease] of this.leases) if (lease.endsAt <= now) this.leases.delete(key);
  }
}

export function rateLimitSettingsFromEnv(): RateLimitSettings {
  const config = env();
  return {
    signInAccountLimit: config.RUNWELL_SIGN_IN_ACCOUNT_LIMIT,
    signInAddressLimit: config.RUNWELL_SIGN_IN_ADDRESS_LIMIT,
    signInLockSeconds: config.RUNWELL_SIGN_IN_LOCK_MINUTES * 60,
    apiPerMinute: config.RUNWELL_API_RATE_LIMIT,
  };
}

type Limits = { signIn: SignInLimiter; api: ApiLimiter };

// One set per process: a production build holds several copies of this module (STACK.md), and the
// API leases must be one per process.
const LIMITS = Symbol.for("runwell.rateLimits");
const globalLimits = globalThis as unknown as { [LIMITS]?: Limits };

export function rateLimits(): Limits {
  globalLimits[LIMITS] ??= (() => {
    const settings = rateLimitSettingsFromEnv();
    return { signIn: new SignInLimiter(db(), settings), api: new ApiLimiter(db(), settings) };
  })();
  return globalLimits[LIMITS];
}

/** The headers of a 429 from the API (RateLimit-* as in the IETF httpapi draft). */
export function apiRateLimitHeaders(limit: number, retryAfterSeconds: number): Record<string, string> {
  return {
    "Retry-After": String(retryAfterSeconds),
    "RateLimit-Limit": String(limit),
    "RateLimit-Remaining": "0",
    "RateLimit-Reset": String(retryAfterSeconds),
    "RateLimit-Policy": `${limit};w=60`,
  };
}

/**
 * For apiActor(): a token over its requests per minute gets a 429 with Retry-After. People signed in
 * to the portal are not limited here.
 */
export async function limitApiCaller(actor: Actor, limiter: ApiLimiter = rateLimits().api): Promise<void> {
  if (actor.kind !== "TOKEN") return;
  const decision = await limiter.take(actor.id);
  if (decision.allowed) return;
  throw new AppError(
    "RATE_LIMITED",
    `This token sent more than ${limiter.limit} requests in a minute. Retry in ${decision.retryAfterSeconds} s.`,
    {},
    apiRateLimitHeaders(limiter.limit, decision.retryAfterSeconds),
  );
}
