import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../../test/helpers";
import { PrismaClient } from "../generated/prisma/client.ts";
import { checkReadiness, compareMigrations, migrationsOnDisk } from "./readiness";

const MIGRATIONS = path.resolve("prisma/migrations");
const scratch: string[] = [];
afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const row = (name: string, finished = true, rolledBack = false) => ({ name, finished, rolledBack });

describe("comparing migrations", () => {
  it("is ready when every expected migration finished", () => {
    expect(compareMigrations(["a", "b"], [row("a"), row("b")])).toEqual({ ok: true, applied: 2, expected: 2 });
  });

  it("names the migrations not applied", () => {
    expect(compareMigrations(["a", "b", "c"], [row("a")])).toEqual({ ok: false, error: "2 migration(s) not applied: b, c", missing: ["b", "c"] });
  });

  it("names a migration that started and did not finish", () => {
    expect(compareMigrations(["a", "b"], [row("a"), row("b", false)])).toMatchObject({ ok: false, error: "failed migration(s): b", failed: ["b"] });
  });

  it("does not count a rolled-back attempt, and is ready once it was re-applied", () => {
    expect(compareMigrations(["a"], [row("a", false, true)])).toMatchObject({ ok: false, missing: ["a"] });
    expect(compareMigrations(["a"], [row("a", false, true), row("a")])).toMatchObject({ ok: true });
  });

  it("is ready when the database has migrations a newer release added", () => {
    expect(compareMigrations(["a"], [row("a"), row("b")])).toMatchObject({ ok: true });
  });
});

describe("readiness against PostgreSQL", () => {
  it("reports the database and every migration of this build", async () => {
    const readiness = await checkReadiness(testDb(), MIGRATIONS);
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.database).toMatchObject({ ok: true });
    expect(readiness.checks.migrations).toEqual({ ok: true, applied: migrationsOnDisk(MIGRATIONS).length, expected: migrationsOnDisk(MIGRATIONS).length });
  });

  it("is not ready when the build has a migration the database has not applied", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "runwell-migrations-"));
    scratch.push(dir);
    cpSync(MIGRATIONS, dir, { recursive: true });
    mkdirSync(path.join(dir, "20991231000000_from_the_future"));
    const readiness = await checkReadiness(testDb(), dir);
    expect(readiness).toMatchObject({
      ready: false,
      checks: { database: { ok: true }, migrations: { ok: false, missing: ["20991231000000_from_the_future"] } },
    });
  });

  it("is not ready, and says so quickly, when the database does not answer", async () => {
    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve)); // nothing listens there now
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://nobody:nothing@127.0.0.1:${port}/none` }) });
    try {
      const readiness = await checkReadiness(unreachable, MIGRATIONS);
      expect(readiness.ready).toBe(false);
      expect(readiness.checks.database.ok).toBe(false);
      expect(readiness.checks.migrations).toEqual({ ok: false, error: "not checked: the database does not answer" });
    } finally {
      await unreachable.$disconnect();
    }
  });
});
