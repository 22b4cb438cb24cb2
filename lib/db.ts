import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";
import { env } from "./env";

export type Db = PrismaClient;
/** A Prisma client or the transaction client handed to `$transaction(async (tx) => ...)`. */
export type DbTx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: env().DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

// One client per process; dev mode reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { runwellPrisma?: PrismaClient };

export function db(): PrismaClient {
  globalForPrisma.runwellPrisma ??= createClient();
  return globalForPrisma.runwellPrisma;
}
