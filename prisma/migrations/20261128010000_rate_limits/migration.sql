-- Counters for rate-limiter-flexible (lib/http/rate-limit.ts), shared by every server process and
-- instance on this database. Written by hand from the model in prisma/schema/rate-limit.prisma, with one
-- change Prisma cannot express: UNLOGGED. Each sign-in attempt and each API token's lease writes here;
-- the counters need no WAL (no fsync per write, not replicated), and after a crash PostgreSQL empties
-- the table, which only resets the limits. The library is told the table exists (`tableCreated: true`)
-- and never creates it at runtime.
CREATE UNLOGGED TABLE "RateLimitCounter" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key")
);
