// recordAuditEvent only takes registered entity types (the type checker sees to it). Events written by
// SQL directly (the ingest and the gate write them in the same statement as the change) are found here.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDITED_ENTITY_TYPES } from "./audited-entities";

const ROOTS = ["lib", "prisma/seed", "scripts"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

/** Entity types named where events are written: `entityType: "X"` in code, `'action', 'X'` in SQL. */
function entityTypesWritten(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(/entityType: "([A-Za-z]+)"/g)) found.set(match[1]!, file);
    if (text.includes(`INSERT INTO "AuditEvent"`)) {
      for (const match of text.matchAll(/'[a-z][a-z.-]+', '([A-Z][a-z][A-Za-z]*)'/g)) found.set(match[1]!, file);
    }
  }
  return found;
}

describe("the registry of audited entities", () => {
  it("names every entity type that code or SQL writes audit events for", () => {
    const written = entityTypesWritten();
    expect(written.size).toBeGreaterThan(15);
    expect(written.has("GateDecision")).toBe(true); // written only by SQL: the scan must see it
    const registered = new Set<string>(AUDITED_ENTITY_TYPES);
    const missing = [...written].filter(([type]) => !registered.has(type)).map(([type, file]) => `${type} (${file})`);
    expect(missing).toEqual([]);
  });
});
