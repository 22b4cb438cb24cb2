// Incident use cases against the run's real PostgreSQL: declaring (the major-incident permission),
// the lifecycle with its stamps and availability window, updates, impact, reassignment, roles, and
// that every step is on the timeline, in the audit trail and in the outbox.
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { actorFor, adminActor, personActor, testDb, tokenActor } from "../../test/helpers";
import { AppError } from "../errors";
import { addIncidentUpdate } from "./add-incident-update";
import { assignIncidentRole } from "./assign-incident-role";
import { MAJOR_NEEDS_MANAGER } from "./authorize-major";
import { impactFromLoss } from "./impact";
import { changeIncidentStatus } from "./change-incident-status";
import { declareIncident } from "./declare-incident";
import { editAvailabilityWindow } from "./edit-availability-window";
import { reassignIncident } from "./reassign-incident";
import { reviseIncidentImpact } from "./revise-incident-impact";

const db = testDb;
const T0 = new Date("2026-12-02T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

type P = Awaited<ReturnType<typeof createPerson>>;
let team: { id: string; name: string };
let otherTeam: { id: string; name: string };
let service: { id: string; slug: string; name: string };
let cause: { id: string; slug: string; name: string };
let engineer: P;
let manager: P;
let outsider: P;

beforeAll(async () => {
  team = await createTeam(db());
  otherTeam = await createTeam(db());
  service = await createService(db(), { teamId: team.id });
  cause = await createService(db(), { teamId: otherTeam.id });
  engineer = await createPerson(db(), { teams: [{ teamId: team.id }] });
  manager = await createPerson(db(), { isIncidentManager: true });
  outsider = await createPerson(db(), { teams: [{ teamId: otherTeam.id }] });
});

const events = (incidentId: string) => db().domainEvent.findMany({ where: { entityId: incidentId }, orderBy: { seq: "asc" }, select: { type: true } }).then((rows) => rows.map((row) => row.type));
const audit = (incidentId: string) => db().auditEvent.findMany({ where: { entityId: incidentId }, orderBy: { occurredAt: "asc" }, select: { action: true } }).then((rows) => rows.map((row) => row.action));

describe("declaring an incident", () => {
  it("anyone signed in raises a minor incident; the impact comes from the loss per hour", async () => {
    // The bands are the organisation's (other files seed theirs into the shared database): 500 an hour is minor under any.
    const opened = await declareIncident(db(), actorFor(outsider), { services: [service.slug], title: "Checkout errors for some cards", lossPerHour: "500" }, T0);
    const row = await db().incident.findUniqueOrThrow({ where: { id: opened.id }, select: { impact: true, status: true, teamId: true, lossPerHour: true, availabilityLostAt: true, source: true } });
    const bands = await db().exposureBand.findMany({ select: { minLossPerHour: true, availabilityTarget: true } });
    expect(row).toEqual({ impact: impactFromLoss(500, bands), status: "TRIGGERED", teamId: team.id, lossPerHour: 500, availabilityLostAt: T0, source: "PORTAL" });
    expect(row.impact).not.toBe("HIGH");
    expect(await events(opened.id)).toEqual(["incident.triggered"]);
    expect(await audit(opened.id)).toEqual(["incident.declare"]);
  });

  it("refuses a major incident from someone who is not an incident manager, on the impact field, writing nothing", async () => {
    const before = await db().incident.count();
    const error = await rejection(declareIncident(db(), actorFor(engineer), { services: [service.slug], title: "Everything is down", impact: "HIGH" }, T0));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.fieldErrors.impact).toEqual([MAJOR_NEEDS_MANAGER]);
    const byLoss = await rejection(declareIncident(db(), actorFor(engineer), { services: [service.slug], title: "Everything is down", lossPerHour: "2,000,000" }, T0));
    expect(byLoss.code).toBe("FORBIDDEN");
    expect(await db().incident.count()).toBe(before);
  });

  it("an incident manager declares a major incident, which tells every on-call team", async () => {
    const opened = await declareIncident(db(), actorFor(manager), { services: [service.slug, cause.slug], title: "Payments failing everywhere", impact: "HIGH" }, T0);
    expect(await events(opened.id)).toEqual(["incident.triggered", "incident.major-declared"]);
    const links = await db().incidentService.findMany({ where: { incidentId: opened.id }, select: { serviceId: true } });
    expect(links.map((link) => link.serviceId).sort()).toEqual([service.id, cause.id].sort());
  });

  it("names unknown services and missing estimates as field errors", async () => {
    expect((await rejection(declareIncident(db(), actorFor(engineer), { services: ["no-such-service"], title: "Broken", impact: "LOW" }, T0))).fieldErrors.services).toEqual(['No live service has the slug "no-such-service".']);
    expect((await rejection(declareIncident(db(), actorFor(engineer), { services: [service.slug], title: "Broken" }, T0))).fieldErrors.lossPerHour).toEqual(["Estimate the loss per hour, or choose the impact."]);
    expect((await rejection(declareIncident(db(), actorFor(engineer), { services: [service.slug], title: "Broken\u0000", impact: "LOW" }, T0))).code).toBe("VALIDATION");
  });
});

describe("running an incident", () => {
  it("moves through its lifecycle with stamps, the availability window and the timeline", async () => {
    const { id } = await declareIncident(db(), actorFor(engineer), { services: [service.slug], title: "Basket slow", impact: "MEDIUM" }, T0);
    const me = actorFor(engineer);
    expect(await changeIncidentStatus(db(), me, { incidentId: id, action: "acknowledge" }, minutes(3))).toBe("moved");
    expect(await changeIncidentStatus(db(), me, { incidentId: id, action: "acknowledge" }, minutes(4))).toBe("replay");
    await addIncidentUpdate(db(), me, { incidentId: id, message: "Rolled back to 4.2.0; latency falling." }, minutes(10));
    await changeIncidentStatus(db(), me, { incidentId: id, action: "mitigate", note: "Rollback done" }, minutes(20));
    const backwards = await rejection(changeIncidentStatus(db(), me, { incidentId: id, action: "acknowledge" }, minutes(21)));
    expect(backwards.code).toBe("CONFLICT");
    expect(backwards.fieldErrors.status).toEqual(["A mitigated incident cannot become acknowledged."]);
    await changeIncidentStatus(db(), me, { incidentId: id, action: "resolve" }, minutes(45));
    const row = await db().incident.findUniqueOrThrow({ where: { id }, select: { status: true, acknowledgedAt: true, mitigatedAt: true, resolvedAt: true, availabilityLostAt: true, availabilityRegainedAt: true } });
    expect(row).toEqual({ status: "RESOLVED", acknowledgedAt: minutes(3), mitigatedAt: minutes(20), resolvedAt: minutes(45), availabilityLostAt: T0, availabilityRegainedAt: minutes(20) });
    const timeline = await db().incidentTimelineEntry.findMany({ where: { incidentId: id }, orderBy: { occurredAt: "asc" }, select: { kind: true } });
    expect(timeline.map((entry) => entry.kind)).toEqual(["DECLARED", "ACKNOWLEDGED", "UPDATE", "STATUS", "STATUS"]);
    expect(await audit(id)).toEqual(["incident.declare", "incident.acknowledge", "incident.update", "incident.mitigate", "incident.resolve"]);
    expect(await events(id)).toEqual(["incident.triggered", "incident.acknowledged", "incident.mitigated", "incident.resolved"]);
  });

  it("refuses people outside the responding team, and tokens of other services", async () => {
    const { id } = await declareIncident(db(), actorFor(engineer), { services: [service.slug], title: "Search down", impact: "LOW" }, T0);
    expect((await rejection(changeIncidentStatus(db(), actorFor(outsider), { incidentId: id, action: "acknowledge" }, minutes(1)))).code).toBe("FORBIDDEN");
    expect((await rejection(changeIncidentStatus(db(), tokenActor({ scopes: ["incidents:write"], serviceId: cause.id }), { incidentId: id, action: "resolve" }, minutes(1)))).code).toBe("FORBIDDEN");
    // Someone paged from another team's rota (a domain schedule) may respond.
    await db().incidentPage.create({ data: { incidentId: id, personId: outsider.id, level: 0, reason: "test", outOfHours: false, pagedAt: minutes(1) } });
    expect(await changeIncidentStatus(db(), actorFor(outsider), { incidentId: id, action: "acknowledge" }, minutes(2))).toBe("moved");
    const page = await db().incidentPage.findFirstOrThrow({ where: { incidentId: id, personId: outsider.id }, select: { acknowledgedAt: true } });
    expect(page.acknowledgedAt).toEqual(minutes(2));
    expect(await changeIncidentStatus(db(), tokenActor({ scopes: ["incidents:write"], serviceId: service.id }), { incidentId: id, action: "resolve" }, minutes(5))).toBe("moved");
    expect((await rejection(changeIncidentStatus(db(), adminActor(), { incidentId: "no-such-incident", action: "resolve" }, minutes(5)))).code).toBe("NOT_FOUND");
  });

  it("revises the impact with a reason; raising it to major is the incident manager's", async () => {
    const { id } = await declareIncident(db(), actorFor(engineer), { services: [service.slug], title: "Refunds delayed", impact: "LOW" }, T0);
    const me = actorFor(engineer);
    expect((await rejection(reviseIncidentImpact(db(), me, { incidentId: id, impact: "MEDIUM", reason: "" }, minutes(5)))).fieldErrors.reason).toBeDefined();
    await reviseIncidentImpact(db(), me, { incidentId: id, impact: "MEDIUM", reason: "More customers than we thought" }, minutes(5));
    expect((await rejection(reviseIncidentImpact(db(), me, { incidentId: id, impact: "HIGH", reason: "Spreading" }, minutes(6)))).fieldErrors.impact).toEqual([MAJOR_NEEDS_MANAGER]);
    await reviseIncidentImpact(db(), actorFor(manager), { incidentId: id, lossPerHour: "500k", reason: "Card payments affected" }, minutes(7));
    const row = await db().incident.findUniqueOrThrow({ where: { id }, select: { impact: true, lossPerHour: true } });
    expect(row).toEqual({ impact: "HIGH", lossPerHour: 500_000 });
    expect(await events(id)).toEqual(["incident.triggered", "incident.impact-changed", "incident.impact-changed", "incident.major-declared"]);
  });

  it("reassigns to the causing service's team, roles and the availability window", async () => {
    const { id } = await declareIncident(db(), actorFor(engineer), { services: [service.slug], title: "Orders not confirmed", impact: "MEDIUM" }, T0);
    const me = actorFor(engineer);
    await assignIncidentRole(db(), me, { incidentId: id, personId: engineer.id, role: "COMMANDER" }, minutes(1));
    await assignIncidentRole(db(), me, { incidentId: id, personId: outsider.id, role: "COMMANDER" }, minutes(2));
    const roles = await db().incidentRole.findMany({ where: { incidentId: id }, select: { personId: true, role: true } });
    expect(roles).toEqual([{ personId: outsider.id, role: "COMMANDER" }]);
    await reassignIncident(db(), me, { incidentId: id, service: cause.slug, reason: "The ledger rejects postings" }, minutes(5));
    const row = await db().incident.findUniqueOrThrow({ where: { id }, select: { serviceId: true, teamId: true } });
    expect(row).toEqual({ serviceId: cause.id, teamId: otherTeam.id });
    // The reporting team is no longer the responding team; the new team responds.
    expect((await rejection(changeIncidentStatus(db(), personActor({ teamIds: [team.id] }), { incidentId: id, action: "acknowledge" }, minutes(6)))).code).toBe("FORBIDDEN");
    await editAvailabilityWindow(db(), actorFor(outsider), { incidentId: id, lostAt: minutes(-10).toISOString(), regainedAt: minutes(30).toISOString(), reason: "The alert fired ten minutes late" }, minutes(40));
    const window = await db().incident.findUniqueOrThrow({ where: { id }, select: { availabilityLostAt: true, availabilityRegainedAt: true } });
    expect(window).toEqual({ availabilityLostAt: minutes(-10), availabilityRegainedAt: minutes(30) });
    // The corrected window is kept when the incident is mitigated later.
    await changeIncidentStatus(db(), actorFor(outsider), { incidentId: id, action: "resolve" }, minutes(50));
    expect((await db().incident.findUniqueOrThrow({ where: { id }, select: { availabilityRegainedAt: true } })).availabilityRegainedAt).toEqual(minutes(30));
    expect((await rejection(editAvailabilityWindow(db(), actorFor(outsider), { incidentId: id, lostAt: minutes(10).toISOString(), regainedAt: minutes(5).toISOString(), reason: "typo" }, minutes(60)))).fieldErrors.regainedAt).toEqual(["Availability is regained after it was lost."]);
    expect(await audit(id)).toEqual(["incident.declare", "incident.assign-role", "incident.assign-role", "incident.reassign", "incident.availability", "incident.resolve"]);
  });
});
