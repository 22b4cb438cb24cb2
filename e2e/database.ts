// Direct access to the run's embedded PostgreSQL, for specs that need rows the portal's UI cannot make
// (a person with a password) or state it takes minutes to reach (a token's spent rate-limit window).
// The launcher keeps the database's credentials and port in the run's data directory (E2E_DATA_DIR).
import { readFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../lib/generated/prisma/client.ts";

function databaseUrl(): string {
  const dir = process.env.E2E_DATA_DIR;
  if (!dir) throw new Error("E2E_DATA_DIR is not set (playwright.config.ts sets it)");
  const { user, password } = JSON.parse(readFileSync(path.join(dir, "credentials.json"), "utf8")) as { user: string; password: string };
  const port = readFileSync(path.join(dir, "pg", "postmaster.pid"), "utf8").split("\n")[3]?.trim();
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/runwell`;
}

/** Runs `fn` with a Prisma client on the run's database, closed afterwards. */
export async function withDatabase<T>(fn: (prisma: PrismaClient) => Promise<T>): Promise<T> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl(), max: 2 }) });
  try {
    return await fn(prisma);
  } finally {
    await prisma.$disconnect();
  }
}
