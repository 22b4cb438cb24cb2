// The committed migrations must produce exactly the schema in prisma/schema. `migrate dev` cannot
// check this here (no shadow database through the driver adapter), so: build a second database
// straight from the schema files and compare both catalogs table by table, index by index.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";

const migratedUrl = process.env.DATABASE_URL!;
const fromSchemaUrl = (() => {
  const url = new URL(migratedUrl);
  url.pathname = `/${url.pathname.slice(1)}_from_schema`;
  return url.toString();
})();

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);
const adminUrl = (() => {
  const url = new URL(migratedUrl);
  url.pathname = "/postgres";
  return url.toString();
})();

beforeAll(async () => {
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE "${databaseName(fromSchemaUrl)}"`));
  const diff = spawnSync(
    process.execPath,
    [path.join(process.cwd(), "scripts", "prisma.mjs"), "migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema", "--script"],
    { env: { ...process.env, DATABASE_URL: fromSchemaUrl }, encoding: "utf8" },
  );
  expect(diff.status, diff.stderr).toBe(0);
  await withClient(fromSchemaUrl, (client) => client.query(diff.stdout));
}, 60_000);

afterAll(async () => {
  await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${databaseName(fromSchemaUrl)}" WITH (FORCE)`));
});

// Indexes named rw_manual_* are written by hand in a migration because Prisma cannot express them
// (e.g. GIN on a tsvector); the schema files cannot produce them, so the comparison leaves them out.
// ::text casts: adapter-free pg would not need them, but they keep the rows plain strings.
const CATALOG_QUERIES = {
  columns: `SELECT table_name::text, column_name::text, data_type::text, udt_name::text, is_nullable::text, coalesce(column_default, '')::text AS column_default
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY 1, 2`,
  indexes: `SELECT tablename::text, indexname::text, indexdef::text FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
            AND indexname NOT LIKE 'rw\\_manual\\_%' ORDER BY 1, 2`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname::text, pg_get_constraintdef(oid) AS definition
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> 0
                AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations' ORDER BY 1, 2`,
  // Public only: pg-boss keeps its own enum (job_state) in its schema once a test has started the queue.
  enums: `SELECT t.typname::text, string_agg(e.enumlabel::text, ',' ORDER BY e.enumsortorder) AS labels
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid WHERE t.typnamespace = 'public'::regnamespace GROUP BY 1 ORDER BY 1`,
};

it.each(Object.entries(CATALOG_QUERIES))("migrations and prisma/schema agree on %s", async (_name, sql) => {
  const [migrated, fromSchema] = await Promise.all([
    withClient(migratedUrl, (client) => client.query(sql)),
    withClient(fromSchemaUrl, (client) => client.query(sql)),
  ]);
  expect(migrated.rows).toEqual(fromSchema.rows);
});

it("the migrations add the append-only audit triggers", async () => {
  const { rows } = await withClient(migratedUrl, (client) =>
    client.query(`SELECT tgname::text FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal ORDER BY 1`),
  );
  expect(rows.map((row) => row.tgname)).toEqual(["AuditEvent_append_only", "AuditEvent_no_truncate"]);
});

it("the migrations add the hand-made runbook search index and trigger", async () => {
  const { rows } = await withClient(migratedUrl, (client) =>
    client.query(`SELECT indexdef::text FROM pg_indexes WHERE indexname = 'rw_manual_runbook_search'`),
  );
  expect(rows[0]?.indexdef).toMatch(/USING gin \("searchVector"\)/);
});

it("the migrations add the learning library's search index and order backlog ranks by bytes", async () => {
  const { rows } = await withClient(migratedUrl, (client) =>
    client.query(`SELECT indexdef::text FROM pg_indexes WHERE indexname = 'rw_manual_review_search'`),
  );
  expect(rows[0]?.indexdef).toMatch(/USING gin \("searchVector"\)/);
  // fractional-indexing keys compare by bytes ("Zz" < "a0"); a locale collation would sort them otherwise.
  const order = await withClient(migratedUrl, (client) =>
    client.query(`SELECT collation_name::text FROM information_schema.columns WHERE table_name = 'BacklogItem' AND column_name = 'rank'`),
  );
  expect(order.rows[0]?.collation_name).toBe("C");
});

it("the rate-limit counters are an UNLOGGED table (no WAL for counters)", async () => {
  const { rows } = await withClient(migratedUrl, (client) =>
    client.query(`SELECT relpersistence::text FROM pg_class WHERE oid = '"RateLimitCounter"'::regclass`),
  );
  expect(rows[0]?.relpersistence).toBe("u");
});

it("the migrations add the partial unique index that keeps one open incident per alert key", async () => {
  const { rows } = await withClient(migratedUrl, (client) =>
    client.query(`SELECT indexdef::text FROM pg_indexes WHERE indexname = 'rw_manual_incident_open_dedup'`),
  );
  expect(rows[0]?.indexdef).toMatch(/UNIQUE INDEX .* \("serviceId", source, "dedupKey"\) WHERE/);
});
