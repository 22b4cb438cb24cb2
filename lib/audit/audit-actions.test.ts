// Every audited action has its sentence. The compiler sees to the actions TypeScript writes
// (recordAuditEvent and the ingest's planned events take an AuditAction); this test finds the rest by
// reading the code that writes events: SQL that inserts them directly, and the typed maps of actions
// a status or a response picks from. It fails on an action with no formatter, and on ways to write an
// action that neither the compiler nor this scan would see.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "./audit-actions";
import { describeAuditEvent, type AuditEventForWords, type NameBook } from "./describe-event";
import { sentenceText } from "./sentence-kit";

const ROOTS = ["lib", "prisma/seed", "scripts"];
const ACTION = /^[a-z][a-z-]*\.[a-z][a-z-]*$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

const literals = (text: string) => [...text.matchAll(/"([^"\n]+)"/g)].map((match) => match[1]!).filter((value) => ACTION.test(value));

/** Every action string the code writes, with the file that writes it. */
function actionsWritten(): { written: Map<string, string>; escapes: string[] } {
  const written = new Map<string, string>();
  const escapes: string[] = [];
  for (const file of ROOTS.flatMap(sourceFiles)) {
    const text = readFileSync(file, "utf8");
    const add = (action: string) => written.set(action, file);
    // `action: "x"`, `action: cond ? "x" : "y"`, `const action = …`
    for (const match of text.matchAll(/\baction\b\s*[:=]\s*([^,;}\n]+)/g)) literals(match[1]!).forEach(add);
    // Maps an action is picked from: `{ …: "change.closed" } as const satisfies Record<…, AuditAction>`
    for (const match of text.matchAll(/=\s*\{([^}]*)\}\s*as const satisfies Record<[^>]*AuditAction>/g)) literals(match[1]!).forEach(add);
    // SQL that inserts events itself: `'change.gate-decision', 'GateDecision'`
    if (text.includes(`INSERT INTO "AuditEvent"`)) {
      for (const match of text.matchAll(/'([a-z][a-z-]*\.[a-z][a-z-]*)', '[A-Z][A-Za-z]+'/g)) add(match[1]!);
    }
    // An action built from a template, or cast, escapes both the compiler and this scan.
    for (const match of text.matchAll(/\baction\b\s*[:=]\s*`[^`\n]*`?/g)) escapes.push(`${file}: ${match[0]}`);
    for (const match of text.matchAll(/as (unknown as )?AuditAction\b(?!\[\])/g)) escapes.push(`${file}: ${match[0]}`);
  }
  return { written, escapes };
}

describe("every audited action", () => {
  const { written, escapes } = actionsWritten();

  it("has a formatter, whether TypeScript or SQL writes it", () => {
    expect(written.size).toBeGreaterThan(80);
    // Written only by SQL, only through a typed map, or only by the seed: the scan must see each kind.
    for (const action of ["change.gate-decision", "change.standard-recorded", "change.implemented", "oncall-request.accept", "deployment.succeeded", "domain.create"]) {
      expect(written.has(action), action).toBe(true);
    }
    const registered = new Set<string>(AUDIT_ACTIONS);
    const missing = [...written].filter(([action]) => !registered.has(action)).map(([action, file]) => `${action} (${file})`);
    expect(missing).toEqual([]);
  });

  it("is written from a literal or a typed map, never a template or a cast", () => {
    expect(escapes).toEqual([]);
  });

  it("has no formatter for an action nobody writes", () => {
    expect(AUDIT_ACTIONS.filter((action) => !written.has(action))).toEqual([]);
  });
});

const nobody: NameBook = { get: () => undefined };
const event = (action: string, before: unknown, after: unknown): AuditEventForWords => ({
  action, entityType: "Service", entityId: "svc-1", actorId: null, actorLabel: "Pat Product <pm@runwell.local>", actorKind: "PERSON", before, after,
});

describe("every formatter", () => {
  // Events older than today's payloads, hand-written ones and deleted things must still read as a sentence.
  const payloads: [string, unknown, unknown][] = [
    ["no payload", null, null],
    ["empty payloads", {}, {}],
    ["odd values", { name: 7, teamId: 12, startsAt: "soon", rules: "x", choices: "x" }, { name: null, teamId: ["a"], endsAt: {}, reasons: [1], scopes: 3, holidays: "x" }],
  ];
  for (const [what, before, after] of payloads) {
    it(`says something readable with ${what}`, () => {
      for (const action of AUDIT_ACTIONS) {
        const text = sentenceText(describeAuditEvent(event(action, before, after), nobody));
        expect(text, action).toMatch(/Pat Product|The gate/);
        expect(text, action).not.toMatch(/undefined|\[object Object\]|NaN|Invalid Date/);
      }
    });
  }

  it("says an action no formatter knows generically, with its fields", () => {
    const said = describeAuditEvent(event("service.rename-legacy", { name: "Old" }, { name: "New" }), nobody);
    expect(sentenceText(said)).toBe("Pat Product recorded service.rename-legacy on New: name: Old → New");
  });
});
