// Brings a database to the current schema and, where wanted, fills it with the demo organisation.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";

export function applyMigrations(databaseUrl: string): void {
  const result = spawnSync(process.execPath, [path.join(process.cwd(), "scripts", "prisma.mjs"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`prisma migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
  }
}

export async function databaseIsEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>('SELECT count(*)::text AS count FROM "Person"');
    return result.rows[0]?.count === "0";
  } finally {
    await client.end();
  }
}
