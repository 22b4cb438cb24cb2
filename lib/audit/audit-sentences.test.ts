// The audit trail's sentences for a representative set of actions, from each area's formatters, with
// names from a fixed book (describe-audit-events.ts reads them from the database in bulk).
import { describe, expect, it } from "vitest";
import { describeAuditEvent, type AuditEventForWords, type NameBook } from "./describe-event";
import { sentenceText, type AuditSentence } from "./sentence-kit";

const NAMES: Record<string, { name: string; href: string | null }> = {
  "Person|pat": { name: "Pat Product", href: "/people/pat" },
  "Person|chris": { name: "Chris Change", href: "/people/chris" },
  "Person|erin": { name: "Erin Engineer", href: "/people/erin" },
  "Person|sam": { name: "Sam Ops", href: "/people/sam" },
  "Person|lena": { name: "Lena Vogel", href: "/people/lena" },
  "Person|ada": { name: "Ada Admin", href: "/people/ada" },
  "Service|loyalty": { name: "Loyalty Points", href: "/services/loyalty-points" },
  "Team|checkout": { name: "Checkout", href: "/teams/checkout" },
  "Team|growth": { name: "Growth", href: "/teams/growth" },
  "ChangeRequest|chg": { name: "CHG-102", href: "/changes/chg" },
  "Deployment|dep": { name: "Checkout API 1.4.2", href: "/deployments/dep" },
  "ApiToken|tok": { name: "checkout-ci", href: "/services/checkout-api/tokens" },
  "OnCallRequest|req": { name: "Checkout out of hours", href: "/oncall/checkout" },
  "Runbook|rb": { name: "Checkout latency", href: "/runbooks/checkout-api/checkout-latency" },
};
const book: NameBook = { get: (type, id) => NAMES[`${type}|${id}`] };

const say = (event: Partial<AuditEventForWords> & Pick<AuditEventForWords, "action" | "entityType" | "entityId">, names = book): AuditSentence =>
  describeAuditEvent({ actorId: "pat", actorLabel: "Pat Product <pm@runwell.local>", actorKind: "PERSON", before: null, after: null, ...event }, names);
const text = (...args: Parameters<typeof say>) => sentenceText(say(...args));

const LOYALTY = { id: "loyalty", name: "Loyalty Points", slug: "loyalty-points", teamId: "checkout", tier: "TIER_3", maxLossPerHour: 2500, availabilityTarget: "P99_0", deploymentTarget: "WEEKLY", links: [] };

describe("a service's edit", () => {
  it("says one change in the sentence, with the direction of a target and the service linked", () => {
    const said = say({ action: "service.update", entityType: "Service", entityId: "loyalty", before: LOYALTY, after: { ...LOYALTY, availabilityTarget: "P99_9", updatedAt: "x" } });
    expect(sentenceText(said)).toBe("Pat Product raised Loyalty Points' availability target from 99.0% to 99.9%");
    expect(said.parts[0]).toEqual({ text: "Pat Product", href: "/people/pat" });
    expect(said.parts).toContainEqual({ text: "Loyalty Points", href: "/services/loyalty-points" });
    expect(text({ action: "service.update", entityType: "Service", entityId: "loyalty", before: LOYALTY, after: { ...LOYALTY, deploymentTarget: "MONTHLY" } }))
      .toBe("Pat Product lowered Loyalty Points' deployment target from Weekly to Monthly");
  });

  it("lists several changes field by field: money, enum words, teams by name, unknown fields by their label", () => {
    const said = say({
      action: "service.transfer", entityType: "Service", entityId: "loyalty", before: LOYALTY,
      after: { ...LOYALTY, teamId: "growth", tier: "TIER_2", maxLossPerHour: 5000, widgetCount: 4 },
    });
    expect(sentenceText(said)).toBe("Pat Product moved Loyalty Points from Checkout to Growth: tier: Tier 3 · standard → Tier 2 · important; exposure per hour of downtime: £2,500 → £5,000; widget count: none → 4");
    expect(text({ action: "service.update", entityType: "Service", entityId: "loyalty", before: { ...LOYALTY, maxWidgetCount: 3 }, after: { ...LOYALTY, maxWidgetCount: 4 } }))
      .toBe("Pat Product changed Loyalty Points' max widget count from 3 to 4");
  });

  it("names a deleted service by its payload, else as a deleted service", () => {
    const gone: NameBook = { get: (type, id) => (type === "Person" ? book.get(type, id) : undefined) };
    const said = say({ action: "service.archive", entityType: "Service", entityId: "loyalty", before: LOYALTY, after: { archivedAt: "2026-12-01T10:00:00Z" } }, gone);
    expect(said.parts).toEqual([{ text: "Pat Product", href: "/people/pat" }, " archived the service ", "Loyalty Points"]);
    expect(text({ action: "service.archive", entityType: "Service", entityId: "loyalty", before: { id: "loyalty" }, after: {} }, gone)).toBe("Pat Product archived the service a deleted service");
  });
});

describe("a change request", () => {
  const change = { entityType: "ChangeRequest", entityId: "chg" } as const;
  it("submitted, with its risk", () => {
    expect(text({ ...change, action: "change.submit", before: { state: "DRAFT" }, after: { state: "SUBMITTED", riskScore: 42, riskLevel: "MEDIUM" } }))
      .toBe("Pat Product submitted CHG-102 for approval (risk medium, score 42)");
  });
  it("voted on and approved, with the reason the voter gave", () => {
    const cm = { actorId: "chris", actorLabel: "Chris Change <change@runwell.local>" };
    expect(text({ ...change, ...cm, action: "change.vote", after: { decision: "APPROVE", reason: "Rollback tested." } })).toBe("Chris Change voted to approve CHG-102: “Rollback tested.”");
    expect(text({ ...change, ...cm, action: "change.vote", after: { decision: "REJECT", reason: "No rollback plan." } })).toBe("Chris Change voted to reject CHG-102: “No rollback plan.”");
    expect(text({ ...change, ...cm, action: "change.approve", before: { state: "SUBMITTED" }, after: { state: "APPROVED", reason: "Rollback tested.", quorum: 2 } }))
      .toBe("Chris Change's vote approved CHG-102 (quorum of 2 reached): “Rollback tested.”");
  });
  it("moved on by change control, naming the pipeline's token", () => {
    expect(text({ ...change, actorId: "tok", actorKind: "TOKEN", actorLabel: "checkout-ci", action: "change.implemented", before: { state: "APPROVED" }, after: { state: "IMPLEMENTED", reason: "Deployment of 1.4.2 succeeded." } }))
      .toBe("Token checkout-ci marked CHG-102 implemented: “Deployment of 1.4.2 succeeded.”");
  });
});

describe("a deployment", () => {
  it("reported by a pipeline, and moved on by a later report", () => {
    const token = { actorId: "tok", actorKind: "TOKEN", actorLabel: "checkout-ci" };
    const after = { service: "checkout-api", environment: "production", version: "1.4.2", status: "SUCCEEDED", commits: 3, isRollback: false };
    const said = say({ ...token, action: "deployment.report", entityType: "Deployment", entityId: "dep", after });
    expect(sentenceText(said)).toBe("Token checkout-ci reported Checkout API 1.4.2 deployed to production, 3 commits");
    expect(said.parts[0]).toEqual({ text: "Token checkout-ci", href: "/services/checkout-api/tokens" });
    expect(text({ ...token, action: "deployment.failed", entityType: "Deployment", entityId: "dep", before: { status: "STARTED" }, after: { ...after, status: "FAILED" } }))
      .toBe("Token checkout-ci reported Checkout API 1.4.2 failed to deploy to production (was started deploying)");
  });
});

describe("on-call", () => {
  it("a swap request names both people and both shifts in the organisation's time format", () => {
    const after = { kind: "SWAP", requesterId: "erin", responderId: "sam", startsAt: "2026-12-12T17:00:00.000Z", endsAt: "2026-12-13T09:00:00.000Z", swapStartsAt: "2026-12-19T17:00:00.000Z", swapEndsAt: "2026-12-20T09:00:00.000Z", message: "Family visit" };
    expect(text({ actorId: "erin", actorLabel: "Erin Engineer <engineer@runwell.local>", action: "oncall-request.create", entityType: "OnCallRequest", entityId: "req", after }))
      .toBe("Erin Engineer asked Sam Ops to take their shift on Checkout out of hours from 12 Dec 2026, 17:00 UTC to 13 Dec 2026, 09:00 UTC in exchange for Sam Ops' shift from 19 Dec 2026, 17:00 UTC to 20 Dec 2026, 09:00 UTC: “Family visit”");
    expect(text({ actorId: "sam", actorLabel: "Sam Ops <sam@runwell.local>", action: "oncall-request.accept", entityType: "OnCallRequest", entityId: "req", before: { status: "PENDING" }, after: { status: "ACCEPTED" } }))
      .toBe("Sam Ops accepted a request on Checkout out of hours");
  });
});

describe("a schedule's rotation", () => {
  it("lists only what changed, the rotation recorded before as one object and after as fields", () => {
    const before = { participantIds: ["erin", "sam"], secondaryIds: [], rotation: { effectiveFrom: "2026-11-01T09:00:00.000Z", rotationDays: 7, handoffWeekday: 1, handoffMinute: 540, timeZone: "Europe/London", hasSecondary: false } };
    const after = { rotationId: "r2", rotationDays: 14, handoffWeekday: 1, handoffTime: "09:00", participantIds: ["erin", "sam", "lena"], secondaryIds: [], effectiveFrom: "2026-12-07T09:00:00.000Z" };
    expect(text({ actorId: "ada", actorLabel: "Ada Admin <admin@runwell.local>", action: "oncall-rotation.edit", entityType: "OnCallSchedule", entityId: "sched", before, after }))
      .toBe("Ada Admin changed the rotation of a deleted on-call schedule from 07 Dec 2026, 09:00 UTC: rotation length: 7 days → 14 days; primary rota: Erin Engineer and Sam Ops → Erin Engineer, Sam Ops and Lena Vogel");
  });
});

describe("a runbook edit", () => {
  const before = { id: "rb", slug: "checkout-latency", title: "Checkout latency", bodySha256: "aaa", bodyLength: 100, tags: ["checkout"], revision: 2, ownerId: "erin", reviewIntervalDays: 90 };
  const edit = { actorId: "erin", actorLabel: "Erin Engineer <engineer@runwell.local>", action: "runbook.update", entityType: "Runbook", entityId: "rb", before } as const;
  it("says the text changed without showing hashes, with the revision and the author's summary", () => {
    expect(text({ ...edit, after: { ...before, bodySha256: "bbb", bodyLength: 120, revision: 3, summary: "Fix the rollback step", restoredFromNumber: null } }))
      .toBe("Erin Engineer changed Checkout latency's text (revision 3): “Fix the rollback step”");
  });
  it("lists the fields of a wider edit, the owner by name", () => {
    const said = say({ ...edit, after: { ...before, title: "Checkout latency (p99)", bodySha256: "bbb", ownerId: "lena", reviewIntervalDays: 30, revision: 3, summary: "" } });
    expect(sentenceText(said)).toBe("Erin Engineer edited Checkout latency (revision 3): title: Checkout latency → Checkout latency (p99); text changed; owner: Erin Engineer → Lena Vogel; review interval: 90 days → 30 days");
  });
});

describe("a person's role", () => {
  it("reads as the role's words, the person by their current name", () => {
    const person = { id: "lena", email: "lena@runwell.local", name: "Lena V.", role: "ENGINEER", isIncidentManager: false };
    const names: NameBook = { get: (type, id) => (type === "Person" && id === "lena" ? { name: "Lena Vogel", href: "/people/lena" } : book.get(type, id)) };
    expect(text({ actorId: "ada", actorLabel: "Ada Admin <admin@runwell.local>", action: "person.set-role", entityType: "Person", entityId: "lena", before: person, after: { ...person, role: "CHANGE_MANAGER" } }, names))
      .toBe("Ada Admin changed Lena Vogel's role from Engineer to Change manager");
  });
});
