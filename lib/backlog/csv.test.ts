// Reading Jira's CSV export and the plain form; a file with any bad row writes nothing; the export
// neutralises formulas and reads back in.
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson, createTeam } from "../../prisma/seed/factories";
import { actorFor, testDb } from "../../test/helpers";
import { AppError } from "../errors";
import { backlogCsv, neutralise } from "./csv-export";
import { MAX_IMPORT_ROWS, readBacklogCsv } from "./csv-import";
import { importBacklogItems } from "./import-backlog-items";

const JIRA = [
  "Summary,Issue key,Issue Type,Status,Story Points,Labels,Labels,Description",
  "Gift cards at checkout,CHK-1,Story,To Do,8,,,\"Let customers pay, partly, with a gift card\"",
  "Upgrade Spring Boot,CHK-2,Task,In Progress,3.0,tech-debt,,",
  "Patch OpenSSL,CHK-3,Bug,Done,1,security,urgent,",
  "Rotate on-call dashboards,CHK-4,Task,Selected for Development,,toil,,",
].join("\r\n");

describe("reading a CSV", () => {
  it("maps Jira's columns: labels make work operational, statuses map, the issue key is kept", () => {
    const reading = readBacklogCsv(`\uFEFF${JIRA}\r\n`);
    expect(reading.errors).toEqual([]);
    expect(reading.format).toBe("jira");
    expect(reading.rows.map((r) => [r.row, r.title, r.type, r.subtype ?? null, r.status, r.estimate ?? null, r.importedKey])).toEqual([
      [2, "Gift cards at checkout", "PRODUCT", null, "TODO", 8, "CHK-1"],
      [3, "Upgrade Spring Boot", "OPERATIONAL", "TECH_DEBT", "DOING", 3, "CHK-2"],
      [4, "Patch OpenSSL", "OPERATIONAL", "SECURITY_PATCH", "DONE", 1, "CHK-3"],
      [5, "Rotate on-call dashboards", "OPERATIONAL", "TOIL", "TODO", null, "CHK-4"],
    ]);
    expect(reading.rows[2]!.labels).toEqual(["security", "urgent"]);
    expect(reading.rows[0]!.description).toBe("Let customers pay, partly, with a gift card");
  });

  it("reads the plain form with LF line ends", () => {
    const reading = readBacklogCsv("title,type,subtype,status,estimate,labels\nAdd retries,OPERATIONAL,reliability,doing,2,payments;resilience\nNew basket,product,,todo,5,\n");
    expect(reading.errors).toEqual([]);
    expect(reading.rows.map((r) => [r.title, r.type, r.subtype ?? null, r.status, r.estimate, r.labels])).toEqual([
      ["Add retries", "OPERATIONAL", "RELIABILITY", "DOING", 2, ["payments", "resilience"]],
      ["New basket", "PRODUCT", null, "TODO", 5, []],
    ]);
  });

  it("names every bad row and field", () => {
    const reading = readBacklogCsv([
      "title,type,subtype,status,estimate",
      "Fine row,PRODUCT,,todo,1",
      "x,PRODUCT,,todo,1",
      "Ops without kind,OPERATIONAL,,todo,1",
      "Too big,PRODUCT,,todo,500",
      "Odd status,PRODUCT,,blocked,1",
      "Half,PRODUCT,,todo,2.5",
    ].join("\n"));
    expect(reading.errors.map((e) => [e.row, e.field])).toEqual([[3, "title"], [4, "subtype"], [5, "estimate"], [6, "status"], [7, "estimate"]]);
  });

  it.each([
    ["a NUL byte", "title,type\nBad\u0000row,PRODUCT\n", 2],
    ["no known header", "name,kind\nA,B\n", 1],
    ["an empty file", "", 0],
    ["a header only", "title,type\n", 0],
    ["an unclosed quote", 'title,type\n"Open quote,PRODUCT\n', 0],
  ])("refuses a file with %s", (_what, text, row) => {
    const reading = readBacklogCsv(text);
    expect(reading.rows).toEqual([]);
    expect(reading.errors).toHaveLength(1);
    expect(reading.errors[0]!.field).toBe("file");
    if (row) expect(reading.errors[0]!.row).toBe(row);
  });

  it("refuses more than the row limit and more than 1 MB", () => {
    const many = ["title,type", ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `Item ${i},PRODUCT`)].join("\n");
    expect(readBacklogCsv(many).errors[0]!.message).toMatch(/At most 2,000 items/);
    expect(readBacklogCsv(`title,type\n${"x".repeat(1_000_001)},PRODUCT`).errors[0]!.message).toMatch(/larger than 1 MB/);
  });
});

describe("the export", () => {
  it.each([["=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"], ["+1", "'+1"], ["-2", "'-2"], ["@SUM(A1)", "'@SUM(A1)"], ["Plain", "Plain"], ["\tTab", "'\tTab"]])("neutralises %j", (cell, safe) => {
    expect(neutralise(cell)).toBe(safe);
  });

  it("quotes and reads back in as the plain form", () => {
    const csv = backlogCsv([{ key: "BL-1", title: '=cmd|"calc"', type: "OPERATIONAL", subtype: "TOIL", status: "TODO", estimate: "3", labels: "ops;toil", owner: "", due: "", description: "line one\nline two, with comma" }]);
    expect(csv.startsWith("key,title,type,subtype,status,estimate,labels,owner,due,description\r\n")).toBe(true);
    const back = readBacklogCsv(csv);
    expect(back.errors).toEqual([]);
    expect(back.rows[0]).toMatchObject({ title: `'=cmd|"calc"`, type: "OPERATIONAL", subtype: "TOIL", estimate: 3, description: "line one\nline two, with comma", importedKey: "BL-1" });
  });
});

describe("importing into a backlog", () => {
  let team: { id: string; slug: string; name: string };
  let person: Awaited<ReturnType<typeof createPerson>>;
  beforeAll(async () => {
    team = await createTeam(db());
    person = await createPerson(db(), { name: "Pat Importer", teams: [{ teamId: team.id }] });
  });
  const db = testDb;
  const count = () => db().backlogItem.count({ where: { teamId: team.id } });

  it("a dry run reports each row and writes nothing", async () => {
    const report = await importBacklogItems(db(), actorFor(person), { teamSlug: team.slug, csv: JIRA, dryRun: "true" });
    expect(report).toMatchObject({ dryRun: true, format: "jira", created: 0, errors: [] });
    expect(report.rows).toHaveLength(4);
    expect(await count()).toBe(0);
  });

  it("a file with one bad row writes nothing and names the row and field", async () => {
    const bad = `${JIRA}\r\nBroken row,CHK-5,Story,Blocked,2,,,`;
    const error = await importBacklogItems(db(), actorFor(person), { teamSlug: team.slug, csv: bad, dryRun: false }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/Rows 6 need attention: nothing was imported/);
    expect((error as AppError).fieldErrors).toHaveProperty(["row 6 · Status"]);
    expect(await count()).toBe(0);
    expect(await db().auditEvent.count({ where: { entityId: team.id, action: "backlog.import-items" } })).toBe(0);
  });

  it("a good file imports every row at the bottom, in order, with one audit event", async () => {
    const report = await importBacklogItems(db(), actorFor(person), { teamSlug: team.slug, csv: JIRA, dryRun: false, fileName: "jira.csv" });
    expect(report.created).toBe(4);
    const items = await db().backlogItem.findMany({ where: { teamId: team.id }, orderBy: { rank: "asc" }, select: { title: true, source: true, importedKey: true, doneAt: true } });
    expect(items.map((i) => i.importedKey)).toEqual(["CHK-1", "CHK-2", "CHK-3", "CHK-4"]);
    expect(items.every((i) => i.source === "IMPORT")).toBe(true);
    expect(items[2]!.doneAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { entityId: team.id, action: "backlog.import-items" } })).toBe(1);
  });

  it("only the team imports into its backlog", async () => {
    const stranger = await createPerson(db());
    const error = await importBacklogItems(db(), actorFor(stranger), { teamSlug: team.slug, csv: JIRA, dryRun: true }).then(() => null, (e: unknown) => e);
    expect((error as AppError).code).toBe("FORBIDDEN");
  });
});
