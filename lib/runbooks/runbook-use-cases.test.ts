// Runbook use cases against the run's real PostgreSQL: revisions, optimistic concurrency (no lost
// update), restore, review, authorisation in the use case, and the audit event of every change.
import { beforeAll, describe, expect, it } from "vitest";
import { createExposureBands, createPerson, createService as createServiceRow, createTeam } from "../../prisma/seed/factories";
import { actorFor, personActor, testDb } from "../../test/helpers";
import { createService } from "../catalog/create-service";
import { AppError } from "../errors";
import { createRunbook } from "./create-runbook";
import { markRunbookReviewed } from "./mark-runbook-reviewed";
import { listRevisions, listServiceRunbooks } from "./queries";
import { restoreRunbookRevision } from "./restore-runbook-revision";
import { RunbookConflictError } from "./runbook-conflict";
import { updateRunbook } from "./update-runbook";

const db = testDb;
let team: { id: string; name: string };
let otherTeam: { id: string };
let service: { id: string; slug: string };

beforeAll(async () => {
  await createExposureBands(db());
  team = await createTeam(db(), { name: "Checkout" });
  otherTeam = await createTeam(db());
  service = await createServiceRow(db(), { teamId: team.id, name: "Payments API" });
});

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const eventsFor = (entityId: string) => db().auditEvent.findMany({ where: { entityId }, orderBy: { occurredAt: "asc" } });
const member = () => personActor({ teamIds: [team.id] });
let n = 0;
const content = (overrides: Record<string, unknown> = {}) => ({ title: `High error rate ${++n}`, body: "## Check\n1. Open the dashboard\n", tags: "payments, Errors", alertNames: "", ...overrides });

describe("createRunbook", () => {
  it("creates the runbook, revision 1 and its audit event", async () => {
    const created = await createRunbook(db(), member(), service.slug, content({ title: "Card declines spike", alertNames: `CardDeclines${n}` }));
    expect(created.slug).toBe("card-declines-spike");
    const revisions = await listRevisions(db(), created.id);
    expect(revisions.map((revision) => revision.number)).toEqual([1]);
    const row = await db().runbook.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tags).toEqual(["payments", "errors"]);
    expect((await eventsFor(created.id)).map((event) => event.action)).toEqual(["runbook.create"]);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const before = await db().runbook.count();
    const error = await rejection(createRunbook(db(), member(), service.slug, { title: "x", tags: "bad tag!", alertNames: "Bad Alert", reviewIntervalDays: 1 }));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors).sort()).toEqual(["alertNames.0", "reviewIntervalDays", "tags.0", "title"]);
    expect(await db().runbook.count()).toBe(before);
  });

  it("keeps an alert name to one runbook per service", async () => {
    await createRunbook(db(), member(), service.slug, content({ alertNames: "PaymentsLatencyHigh" }));
    const error = await rejection(createRunbook(db(), member(), service.slug, content({ alertNames: "PaymentsLatencyHigh" })));
    expect(error.fieldErrors.alertNames?.[0]).toMatch(/PaymentsLatencyHigh already leads to the runbook/);
  });

  it("lets only the owning team and admins write, even calling the use case directly", async () => {
    expect((await rejection(createRunbook(db(), personActor({ teamIds: [otherTeam.id] }), service.slug, content()))).code).toBe("FORBIDDEN");
    expect((await rejection(createRunbook(db(), personActor({ role: "CHANGE_MANAGER" }), service.slug, content()))).code).toBe("FORBIDDEN");
    await expect(createRunbook(db(), personActor({ role: "ADMIN" }), service.slug, content())).resolves.toHaveProperty("id");
  });

  it("gives a second runbook with the same title its own slug", async () => {
    const first = await createRunbook(db(), member(), service.slug, content({ title: "Database failover" }));
    const second = await createRunbook(db(), member(), service.slug, content({ title: "Database failover" }));
    expect([first.slug, second.slug]).toEqual(["database-failover", "database-failover-2"]);
  });
});

describe("updateRunbook: no lost update", () => {
  it("saves each edit as a new revision with author and summary", async () => {
    const alex = actorFor(await createPerson(db(), { name: "Alex Morgan", teams: [{ teamId: team.id }] }));
    const created = await createRunbook(db(), alex, service.slug, content());
    const saved = await updateRunbook(db(), alex, created.id, { ...content({ title: "Renamed" }), body: "new body\n", summary: "Rewrote the check", baseRevision: 1 });
    expect(saved.revision).toBe(2);
    const [latest] = await listRevisions(db(), created.id);
    expect(latest).toMatchObject({ number: 2, summary: "Rewrote the check", authorLabel: expect.stringContaining("Alex Morgan") });
    const events = await eventsFor(created.id);
    expect(events.map((event) => event.action)).toEqual(["runbook.create", "runbook.update"]);
    expect((events[1]!.before as { revision: number }).revision).toBe(1);
    expect((events[1]!.after as { revision: number; title: string })).toMatchObject({ revision: 2, title: "Renamed" });
  });

  it("refuses a save based on an older revision and shows what the other person changed", async () => {
    const created = await createRunbook(db(), member(), service.slug, content({ body: "step one\n" }));
    const sam = personActor({ teamIds: [team.id], name: "Sam Okoye" });
    await updateRunbook(db(), sam, created.id, { ...content(), body: "step one\nstep two by Sam\n", summary: "Added step two", baseRevision: 1 });
    const error = await rejection(updateRunbook(db(), member(), created.id, { ...content(), body: "my edit\n", baseRevision: 1 }));
    expect(error).toBeInstanceOf(RunbookConflictError);
    expect(error.code).toBe("CONFLICT");
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/revision 2 by Sam Okoye/);
    const { details } = error as RunbookConflictError;
    // Stored with LF and no trailing newline, however they were sent.
    expect(details).toMatchObject({ baseRevision: 1, currentRevision: 2, base: { body: "step one" }, current: { body: "step one\nstep two by Sam" } });
    // The three-way merge: the line both changed is the one clash.
    expect(details.merge?.chunks).toEqual([{ kind: "conflict", mine: ["my edit"], theirs: ["step one", "step two by Sam"], base: ["step one"] }]);
    expect(details.changes).toEqual([expect.objectContaining({ number: 2, summary: "Added step two" })]);
    // Nothing of the refused edit was written, and no audit event for it.
    expect((await db().runbook.findUniqueOrThrow({ where: { id: created.id } })).body).toBe("step one\nstep two by Sam");
    expect((await eventsFor(created.id)).map((event) => event.action)).toEqual(["runbook.create", "runbook.update"]);
    // Merged by hand on top of revision 2, the save goes through.
    await expect(updateRunbook(db(), member(), created.id, { ...content(), body: "merged\n", baseRevision: 2 })).resolves.toEqual({ id: created.id, revision: 3 });
  });

  it("merges an edit to other lines into what was saved meanwhile, and says so in the history", async () => {
    const fields = content();
    const created = await createRunbook(db(), member(), service.slug, { ...fields, body: "# Check\r\nLook at the dashboard.\r\n\r\n# Fix\r\nRestart the pods.\r\n" });
    const sam = personActor({ teamIds: [team.id], name: "Sam Okoye" });
    await updateRunbook(db(), sam, created.id, { ...fields, body: "# Check\nLook at the p99 dashboard.\n\n# Fix\nRestart the pods.", summary: "p99", baseRevision: 1 });
    const saved = await updateRunbook(db(), member(), created.id, { ...fields, body: "# Check\r\nLook at the dashboard.\r\n\r\n# Fix\r\nRoll back first.\r\n", summary: "Roll back", baseRevision: 1 });
    expect(saved).toEqual({ id: created.id, revision: 3, mergedWith: 2 });
    expect((await db().runbook.findUniqueOrThrow({ where: { id: created.id } })).body).toBe("# Check\nLook at the p99 dashboard.\n\n# Fix\nRoll back first.");
    expect((await listRevisions(db(), created.id))[0]).toMatchObject({ number: 3, summary: "Roll back (merged with revision 2)" });
  });

  it("lets exactly one of two simultaneous saves on the same revision win", async () => {
    const created = await createRunbook(db(), member(), service.slug, content());
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) => updateRunbook(db(), member(), created.id, { ...content(), body: `edit ${i}\n`, baseRevision: 1 })),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    for (const result of results.filter((result) => result.status === "rejected")) {
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    }
    expect((await listRevisions(db(), created.id)).map((revision) => revision.number)).toEqual([2, 1]);
  });

  it("refuses another team's engineer", async () => {
    const created = await createRunbook(db(), member(), service.slug, content());
    const error = await rejection(updateRunbook(db(), personActor({ teamIds: [otherTeam.id] }), created.id, { ...content(), baseRevision: 1 }));
    expect(error.code).toBe("FORBIDDEN");
  });
});

describe("restoreRunbookRevision and markRunbookReviewed", () => {
  it("restores an old revision as a new revision, keeping history", async () => {
    const created = await createRunbook(db(), member(), service.slug, content({ body: "original\n" }));
    await updateRunbook(db(), member(), created.id, { ...content(), body: "vandalised\n", baseRevision: 1 });
    const restored = await restoreRunbookRevision(db(), member(), created.id, { number: 1, baseRevision: 2 });
    expect(restored.revision).toBe(3);
    const [latest] = await listRevisions(db(), created.id);
    expect(latest).toMatchObject({ number: 3, restoredFromNumber: 1, summary: "Restored revision 1" });
    expect((await db().runbook.findUniqueOrThrow({ where: { id: created.id } })).body).toBe("original");
    expect((await eventsFor(created.id)).at(-1)!.action).toBe("runbook.restore");
    expect((await rejection(restoreRunbookRevision(db(), member(), created.id, { number: 1, baseRevision: 2 }))).code).toBe("CONFLICT");
  });

  it("records a review, which makes a stale runbook current", async () => {
    const created = await createRunbook(db(), member(), service.slug, content());
    await db().runbook.update({ where: { id: created.id }, data: { lastReviewedAt: new Date(Date.now() - 100 * 86_400_000) } });
    const stale = () => listServiceRunbooks(db(), service.id).then((rows) => rows.find((row) => row.id === created.id)!.review.stale);
    expect(await stale()).toBe(true);
    await markRunbookReviewed(db(), member(), created.id);
    expect(await stale()).toBe(false);
    expect((await eventsFor(created.id)).at(-1)!.action).toBe("runbook.review");
    expect((await rejection(markRunbookReviewed(db(), personActor({ role: "PRODUCT_MANAGER" }), created.id))).code).toBe("FORBIDDEN");
  });
});

describe("createService", () => {
  it("gives a new service a starter runbook from the template, in the same transaction", async () => {
    const created = await createService(db(), member(), {
      name: "Refunds Worker", slug: `refunds-worker-${Date.now()}`, teamId: team.id, lifecycle: "PRODUCTION", tier: "TIER_2",
      maxLossPerHour: 2_500, availabilityTarget: "P99_0", deploymentTarget: "WEEKLY",
    });
    const [starter] = await listServiceRunbooks(db(), created.id);
    expect(starter!.title).toBe("Refunds Worker: service overview");
    const row = await db().runbook.findUniqueOrThrow({ where: { id: starter!.id } });
    // Filled from whichever template is the starter (runbook-templates.test.ts briefly swaps it).
    expect(row.body).toContain("Refunds Worker");
    expect(row.body).not.toContain("{{service}}");
    expect((await eventsFor(starter!.id)).map((event) => event.action)).toEqual(["runbook.create"]);
  });
});
