// The audit export against real PostgreSQL: who may export, query validation, CSV quoting and the
// formula guard, JSON that parses and verifies offline, and the [from, to) range.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createPerson, createService } from "../../prisma/seed/factories";
import { personActor, testDb, tokenActor } from "../../test/helpers";
import type { Actor } from "../auth/actor";
import { AppError } from "../errors";
import { exportAuditEvents } from "./export-audit-events";
import { hashEvent } from "./hash";

const prisma = testDb();
afterAll(() => prisma.$disconnect());

const changeManager = personActor({ role: "CHANGE_MANAGER" });

/** A few events of one fresh entity at fixed times, so filters isolate them from other test files. */
async function seedEvents() {
  const entityId = `export-${randomBytes(6).toString("hex")}`;
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 10, minute));
  await prisma.auditEvent.createMany({
    data: [
      { occurredAt: at(0), actorLabel: "Erin <erin@runwell.local>", actorKind: "PERSON", action: "test.export", entityType: "Environment", entityId, after: { name: "plain" } },
      { occurredAt: at(1), actorLabel: "=HYPERLINK(\"http://evil\")", actorKind: "TOKEN", action: "test.export", entityType: "Environment", entityId, before: { note: "a, \"quoted\"\nline" }, after: { note: "-2+3" } },
      { occurredAt: at(2), actorLabel: "@sum", actorKind: "SYSTEM", action: "test.export", entityType: "Environment", entityId },
      { occurredAt: at(3), actorLabel: "late", actorKind: "SYSTEM", action: "test.export", entityType: "Environment", entityId },
    ],
  });
  return { entityId, at };
}

async function download(query: Record<string, string>, actor: Actor = changeManager) {
  const file = await exportAuditEvents(prisma, actor, query);
  return { ...file, text: await new Response(file.body).text() };
}

/** RFC 4180 parser for the assertions: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

describe("who may export", () => {
  it.each([
    ["a change manager", changeManager],
    ["an admin", personActor({ role: "ADMIN" })],
    ["an organisation-wide token with audit:read", tokenActor({ scopes: ["audit:read"], serviceId: null })],
  ])("allows %s", async (_label, actor) => {
    await expect(exportAuditEvents(prisma, actor, { format: "json", entityId: "nothing" })).resolves.toMatchObject({ contentType: expect.stringContaining("json") });
  });

  it.each([
    ["an engineer", personActor({ role: "ENGINEER" })],
    ["a product manager", personActor({ role: "PRODUCT_MANAGER" })],
    ["a token without audit:read", tokenActor({ scopes: ["deployments:write"], serviceId: null })],
  ])("refuses %s", async (_label, actor) => {
    await expect(exportAuditEvents(prisma, actor, { format: "csv" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("holds a service's token with audit:read to its own service's events", async () => {
    const [service, other] = [await createService(prisma), await createService(prisma)];
    const actor = tokenActor({ scopes: ["audit:read"], serviceId: service.id });
    const events = JSON.parse((await download({ format: "json" }, actor)).text) as { entityType: string; entityId: string }[];
    expect(events.map((event) => `${event.entityType}:${event.entityId}`)).toEqual([`Service:${service.id}`]);
    await expect(exportAuditEvents(prisma, actor, { service: other.slug })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(JSON.parse((await download({ format: "json", service: service.slug }, actor)).text)).toHaveLength(1);
  });
});

describe("query parameters", () => {
  it("answers 400 with a field error per bad parameter", async () => {
    const attempt = exportAuditEvents(prisma, changeManager, { format: "xml", from: "yesterday", to: "2026-13-45" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const error = (await attempt.catch((e: unknown) => e)) as AppError;
    expect(error.status).toBe(400);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["format", "from", "to"]);
  });

  it("wants from before to", async () => {
    const error = (await exportAuditEvents(prisma, changeManager, { from: "2026-02-01", to: "2026-01-01" }).catch((e: unknown) => e)) as AppError;
    expect(error.status).toBe(400);
    expect(error.fieldErrors.to).toEqual(["Must be after from."]);
  });

  it("defaults to CSV and names the file after the range", async () => {
    const file = await download({ from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", entityId: "nothing" });
    expect(file.contentType).toBe("text/csv; charset=utf-8");
    expect(file.filename).toBe("runwell-audit-2026-01-01T000000-to-2026-02-01T000000.csv");
    expect(file.text).toBe("seq,id,occurredAt,actorId,actorLabel,actorKind,action,entityType,entityId,before,after,prevHash,hash,sealedAt,sentence\r\n");
  });
});

describe("CSV", () => {
  it("quotes per RFC 4180 and guards cells a spreadsheet would run as formulas", async () => {
    const { entityId } = await seedEvents();
    const [header, ...rows] = parseCsv((await download({ format: "csv", entityId })).text);
    const column = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(4);
    expect(rows.map((row) => row[column("actorLabel")])).toEqual(["Erin <erin@runwell.local>", `'=HYPERLINK("http://evil")`, "'@sum", "late"]);
    expect(JSON.parse(rows[1]![column("before")]!)).toEqual({ note: 'a, "quoted"\nline' });
    expect(rows[1]![column("after")]).toBe('{"note": "-2+3"}');
    expect(rows[3]![column("after")]).toBe("");
    // Exported after sealing: every row carries its place in the chain.
    for (const row of rows) {
      expect(row[column("seq")]).toMatch(/^\d+$/);
      expect(row[column("hash")]).toMatch(/^[0-9a-f]{64}$/);
    }
  });
});

describe("the sentence column", () => {
  it("says each event as the audit page does, with the entity's and the actor's current names", async () => {
    const person = await createPerson(prisma, { role: "PRODUCT_MANAGER", name: "Pat Sentence" });
    const service = await createService(prisma, { name: "Loyalty Points" }, personActor({ id: person.id, name: "Pat Sentence", role: "PRODUCT_MANAGER" }));
    await prisma.service.update({ where: { id: service.id }, data: { name: "Loyalty Points v2" } });
    const [header, ...rows] = parseCsv((await download({ format: "csv", entityType: "Service", entityId: service.id })).text);
    expect(header!.at(-1)).toBe("sentence");
    expect(rows.map((row) => row.at(-1))).toEqual([expect.stringMatching(/^Pat Sentence created the service Loyalty Points v2 for /)]);
    const [event] = JSON.parse((await download({ format: "json", entityType: "Service", entityId: service.id })).text) as { sentence: string }[];
    expect(event!.sentence).toBe(rows[0]!.at(-1));
  });

  it("says events of things since deleted and of every kind of actor", async () => {
    const { entityId } = await seedEvents();
    const [header, ...rows] = parseCsv((await download({ format: "csv", entityId })).text);
    const sentence = header!.indexOf("sentence");
    expect(rows.map((row) => row[sentence])).toEqual([expect.stringMatching(/^Erin /), expect.stringMatching(/^Token =HYPERLINK/), expect.stringMatching(/^Runwell \(@sum\)/), expect.stringMatching(/^Runwell \(late\)/)]);
  });
});

describe("JSON", () => {
  it("is one array that parses, with hashes an auditor can recompute offline", async () => {
    const { entityId } = await seedEvents();
    const events = JSON.parse((await download({ format: "json", entityId })).text) as Record<string, unknown>[];
    expect(events.map((event) => event.actorLabel)).toEqual(["Erin <erin@runwell.local>", "=HYPERLINK(\"http://evil\")", "@sum", "late"]);
    for (const event of events) {
      const recomputed = hashEvent(
        {
          id: event.id as string, seq: BigInt(event.seq as string), occurredAt: new Date(event.occurredAt as string),
          actorId: event.actorId as string | null, actorLabel: event.actorLabel as string, actorKind: event.actorKind as string,
          action: event.action as string, entityType: event.entityType as string, entityId: event.entityId as string,
          before: event.before, after: event.after,
        },
        event.prevHash as string,
      );
      expect(recomputed).toBe(event.hash);
    }
  });

  it("is an empty array when nothing matches", async () => {
    expect(JSON.parse((await download({ format: "json", entityId: "nothing-here" })).text)).toEqual([]);
  });
});

describe("range", () => {
  it("exports occurredAt in [from, to), oldest first", async () => {
    const { entityId, at } = await seedEvents();
    const events = JSON.parse((await download({ format: "json", entityId, from: at(1).toISOString(), to: at(3).toISOString() })).text) as { occurredAt: string }[];
    expect(events.map((event) => event.occurredAt)).toEqual([at(1).toISOString(), at(2).toISOString()]);
  });

  it("pages through more events than one batch without losing or repeating any", async () => {
    const entityId = `export-many-${randomBytes(6).toString("hex")}`;
    const base = Date.UTC(2026, 0, 1);
    // Pairs share a timestamp, so the (occurredAt, id) keyset must break ties by id.
    await prisma.auditEvent.createMany({
      data: Array.from({ length: 4500 }, (_, i) => ({
        occurredAt: new Date(base + Math.floor(i / 2) * 1000), actorLabel: "bulk", actorKind: "SYSTEM", action: "test.bulk", entityType: "Environment", entityId, after: { i },
      })),
    });
    const lines = (await download({ format: "csv", entityId })).text.trimEnd().split("\r\n");
    expect(lines).toHaveLength(4501);
    const ids = new Set(lines.slice(1).map((line) => line.split(",")[1]));
    expect(ids.size).toBe(4500);
  });
});
