// Paging against the run's real PostgreSQL, through the real dispatcher, with an injected clock: the
// first page from the rota, escalation step by step (and once only, however often or however
// concurrently a job runs), the acknowledge link stopping it, a held incident released at 09:00,
// reopen and reassignment rounds, and a major incident reaching every on-call person.
process.env.RUNWELL_SECRETS_KEY ??= "paging-tests-secrets-key-0123456789";
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { createDomain, createPerson, createService, createTeam } from "../../../prisma/seed/factories";
import { createOnCallSchedule } from "../../../prisma/seed/oncall-factories";
import { actorFor, testDb } from "../../../test/helpers";
import { drainSubscriber } from "../../events/dispatch";
import type { Subscriber } from "../../events/subscribers";
import { changeIncidentStatus } from "../change-incident-status";
import { declareIncident } from "../declare-incident";
import { reassignIncident } from "../reassign-incident";
import { acknowledgeFromLink, inspectAckLink } from "./acknowledge-from-link";
import { signAckToken } from "./ack-token";
import { incidentPaging } from "./on-incident-paging";
import { escalateIncident, releaseHeldIncident } from "./paging-jobs";
import { pagingNotices } from "./paging-notices";

const db = testDb;
const zone = "Europe/London";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
// Tuesday 1 December 2026, 20:00 in London: out of hours.
const EVENING = at("2026-12-01T20:00");
const plus = (minutes: number, from = EVENING) => new Date(from.getTime() + minutes * 60_000);

type Job = { queue: string; data: Record<string, unknown>; startAfter?: Date; singletonKey?: string };
const queued: Job[] = [];
const enqueueIn = () => async (queue: string, data: object, options?: { singletonKey?: string; startAfter?: Date }) => void queued.push({ queue, data: data as Job["data"], ...options });

const watched = new Set<string>();
/** The real subscriber under a cursor of this file's own, seeing only this file's incidents. */
const scoped = (subscriber: Subscriber): Subscriber => ({ ...subscriber, name: `test:${subscriber.name}:${randomUUID()}`, handle: (event, context) => (watched.has(event.entityId) ? subscriber.handle(event, context) : Promise.resolve()) });
let clock = EVENING;
const paging = scoped(incidentPaging(() => clock));
const notices = scoped(pagingNotices);
async function drain(now: Date) {
  clock = now;
  await drainSubscriber(db(), paging, enqueueIn);
  await drainSubscriber(db(), notices, enqueueIn);
}

type P = Awaited<ReturnType<typeof createPerson>>;
let team: { id: string; name: string; slug: string };
let primary: P, secondary: P, lead: P, domainPrimary: P, reporter: P;
let service: { id: string; slug: string; name: string };
let teamScheduleId: string;

beforeAll(async () => {
  const domain = await createDomain(db());
  team = await createTeam(db(), { domainId: domain.id, chatChannel: "#payments" });
  [primary, secondary, lead, domainPrimary, reporter] = [
    await createPerson(db(), { name: "Pria Primary", teams: [{ teamId: team.id }] }),
    await createPerson(db(), { name: "Sid Secondary", teams: [{ teamId: team.id }] }),
    await createPerson(db(), { name: "Lee Lead", teams: [{ teamId: team.id, isLead: true }] }),
    await createPerson(db(), { name: "Dana Domain" }),
    await createPerson(db(), { teams: [{ teamId: team.id }] }),
  ] as [P, P, P, P, P];
  const others = [await createPerson(db()), await createPerson(db())];
  service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
  const monday = at("2026-11-30T09:00");
  teamScheduleId = (await createOnCallSchedule(db(), { teamId: team.id, participantIds: [primary.id, ...others.map((o) => o.id)], hasSecondary: true, secondaryIds: [secondary.id, others[0]!.id], effectiveFrom: monday })).id;
  await createOnCallSchedule(db(), { domainId: domain.id, participantIds: [domainPrimary.id, others[1]!.id, others[0]!.id], effectiveFrom: monday });
});

async function declare(title: string, now = EVENING, slug = service.slug) {
  const opened = await declareIncident(db(), actorFor(reporter), { services: [slug], title, impact: "MEDIUM" }, now);
  watched.add(opened.id);
  await drain(now);
  return opened.id;
}
const pagesOf = (incidentId: string) =>
  db().incidentPage.findMany({ where: { incidentId }, orderBy: [{ pagedAt: "asc" }, { level: "asc" }], select: { level: true, personId: true, teamId: true, outOfHours: true, scheduleId: true, acknowledgedAt: true } });
const escalationJob = (incidentId: string, step: number) => queued.find((job) => job.queue === "incident.escalate" && job.data.incidentId === incidentId && job.data.step === step);
const kinds = (incidentId: string) => db().incidentTimelineEntry.findMany({ where: { incidentId }, orderBy: { createdAt: "asc" }, select: { kind: true, message: true } });

describe("paging from the rota", () => {
  it("pages the primary out of hours, then escalates to the secondary, the lead and the domain's schedule at 5, 20 and 35 minutes", async () => {
    const id = await declare("Card payments failing");
    expect(await pagesOf(id)).toEqual([{ level: 0, personId: primary.id, teamId: null, outOfHours: true, scheduleId: teamScheduleId, acknowledgedAt: null }]);
    const first = escalationJob(id, 1)!;
    expect(first.startAfter).toEqual(plus(5));
    expect(first.singletonKey).toBe(`${id}:${EVENING.getTime()}:1`);
    expect((await db().domainEvent.findMany({ where: { entityId: id, type: "incident.paged" } })).length).toBe(1);

    // Early (a clock skewed against pg-boss's) does nothing; due, it pages the secondary.
    expect(await escalateIncident(db(), first.data, plus(4), enqueueIn)).toBe("early");
    expect(await escalateIncident(db(), first.data, plus(5), enqueueIn)).toBe("escalated");
    // The same job again (a retry, another process): nothing more.
    expect(await escalateIncident(db(), first.data, plus(5), enqueueIn)).toBe("already");
    expect((await pagesOf(id)).map((page) => `${page.level}:${page.personId}`)).toEqual([`0:${primary.id}`, `1:${secondary.id}`]);

    // Two processes run step 2 at once: the lead is paged once.
    const second = escalationJob(id, 2)!;
    expect(second.startAfter).toEqual(plus(20));
    const outcomes = await Promise.all([escalateIncident(db(), second.data, plus(20), enqueueIn), escalateIncident(db(), second.data, plus(20), enqueueIn)]);
    expect(outcomes.sort()).toEqual(["already", "escalated"]);
    const third = escalationJob(id, 3)!;
    expect(third.startAfter).toEqual(plus(35));
    expect(await escalateIncident(db(), third.data, plus(35), enqueueIn)).toBe("escalated");
    const pages = await pagesOf(id);
    expect(pages.map((page) => `${page.level}:${page.personId}:${page.outOfHours}`)).toEqual([`0:${primary.id}:true`, `1:${secondary.id}:true`, `2:${lead.id}:true`, `3:${domainPrimary.id}:true`]);
    expect(escalationJob(id, 4)).toBeUndefined();

    const timeline = await kinds(id);
    expect(timeline.filter((entry) => entry.kind === "PAGE").map((entry) => entry.message)).toEqual([expect.stringMatching(/^Paged Pria Primary: on call on .* \(out of hours\)\.$/)]);
    expect(timeline.filter((entry) => entry.kind === "ESCALATED").map((entry) => entry.message)).toEqual([
      expect.stringMatching(/^Nobody acknowledged in 5 minutes: escalated to Sid Secondary, secondary on /),
      expect.stringMatching(/^Nobody acknowledged in 20 minutes: escalated to Lee Lead, team lead of /),
      expect.stringMatching(/^Nobody acknowledged in 35 minutes: escalated to Dana Domain, on call on .*the domain's schedule/),
    ]);
    const audit = await db().auditEvent.findMany({ where: { entityId: id }, orderBy: { occurredAt: "asc" }, select: { action: true } });
    expect(audit.map((event) => event.action)).toEqual(["incident.declare", "incident.page", "incident.escalate", "incident.escalate", "incident.escalate"]);
  });

  it("stops escalating once the paged person acknowledges from their link; the link refuses tampering, expiry and foreign use, writing nothing", async () => {
    const id = await declare("Refunds stuck");
    const expiresAt = plus(24 * 60);
    const token = signAckToken({ personId: primary.id, incidentId: id, expiresAt });
    const [body, signature] = token.split(".") as [string, string];
    const tampered = `${body}.${signature.startsWith("A") ? "B" : "A"}${signature.slice(1)}`;
    const forged = `${Buffer.from(JSON.stringify({ v: 1, p: lead.id, i: id, e: 9_999_999_999 })).toString("base64url")}.${signature}`;
    const foreign = signAckToken({ personId: domainPrimary.id, incidentId: id, expiresAt });
    expect((await acknowledgeFromLink(db(), tampered, plus(1))).status).toBe(403);
    expect((await acknowledgeFromLink(db(), forged, plus(1))).status).toBe(403);
    expect((await acknowledgeFromLink(db(), token, plus(24 * 60 + 1))).status).toBe(410);
    expect((await acknowledgeFromLink(db(), "not-a-token", plus(1))).status).toBe(400);
    expect(await acknowledgeFromLink(db(), foreign, plus(1))).toMatchObject({ status: 403, message: expect.stringMatching(/not for a page of this incident/) });
    // Looking at the link (a mail scanner, a link preview) acknowledges nothing.
    expect(await inspectAckLink(db(), token, plus(1))).toMatchObject({ status: 200, canAcknowledge: true, personName: "Pria Primary" });
    expect(await db().incident.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "TRIGGERED" });
    expect(await db().auditEvent.count({ where: { entityId: id, action: "incident.acknowledge" } })).toBe(0);

    expect(await acknowledgeFromLink(db(), token, plus(2))).toMatchObject({ status: 200, heading: expect.stringMatching(/^You acknowledged INC-/) });
    expect(await acknowledgeFromLink(db(), token, plus(3))).toMatchObject({ status: 200, canAcknowledge: false, message: expect.stringMatching(/acknowledged by Pria Primary/) });
    expect(await db().incident.findUniqueOrThrow({ where: { id }, select: { status: true, acknowledgedAt: true } })).toEqual({ status: "ACKNOWLEDGED", acknowledgedAt: plus(2) });
    expect((await pagesOf(id))[0]!.acknowledgedAt).toEqual(plus(2));
    expect(await escalateIncident(db(), escalationJob(id, 1)!.data, plus(5), enqueueIn)).toBe("ended");
    expect(await pagesOf(id)).toHaveLength(1);
    const acknowledged = await db().auditEvent.findFirstOrThrow({ where: { entityId: id, action: "incident.acknowledge" }, select: { actorId: true, after: true } });
    expect(acknowledged).toMatchObject({ actorId: primary.id, after: { note: "from the acknowledge link in their page" } });
  });

  it("holds an out-of-hours incident on a 95% service until 09:00 the next working day, then pages the team", async () => {
    const quiet = await createTeam(db());
    const members = [await createPerson(db(), { teams: [{ teamId: quiet.id }] }), await createPerson(db(), { teams: [{ teamId: quiet.id }] })];
    const small = await createService(db(), { teamId: quiet.id, availabilityTarget: "P95_0", maxLossPerHour: 100 });
    const id = await declare("Reports page slow", EVENING, small.slug);
    const nine = at("2026-12-02T09:00");
    expect(await db().incident.findUniqueOrThrow({ where: { id }, select: { heldUntil: true } })).toEqual({ heldUntil: nine });
    expect(await pagesOf(id)).toEqual([]);
    const held = (await kinds(id)).find((entry) => entry.kind === "HELD")!;
    expect(held.message).toMatch(/^Held until Wed 2 Dec 09:00 \(Europe\/London\): A 95\.0% target has no out-of-hours cover/);
    const release = queued.find((job) => job.queue === "incident.release-held" && job.data.incidentId === id)!;
    expect(release.startAfter).toEqual(nine);
    expect(await releaseHeldIncident(db(), release.data, plus(-1, nine), enqueueIn)).toBe("early");
    expect(await releaseHeldIncident(db(), release.data, nine, enqueueIn)).toBe("paged");
    expect(await releaseHeldIncident(db(), release.data, nine, enqueueIn)).toBe("already");
    expect(await pagesOf(id)).toEqual([{ level: 0, personId: null, teamId: quiet.id, outOfHours: false, scheduleId: null, acknowledgedAt: null }]);
    expect(await db().incident.findUniqueOrThrow({ where: { id }, select: { heldUntil: true } })).toEqual({ heldUntil: null });
    // A team page reaches every member, each with a link of their own.
    await drain(nine);
    const event = await db().domainEvent.findFirstOrThrow({ where: { entityId: id, type: "incident.paged" }, select: { id: true } });
    const inApp = await db().notification.findMany({ where: { eventId: event.id }, select: { personId: true, href: true } });
    expect(inApp.map((row) => row.personId).sort()).toEqual(members.map((m) => m.id).sort());
    expect(new Set(inApp.map((row) => row.href)).size).toBe(2);
    const memberLink = (inApp[0]!.href ?? "").replace("/incidents/ack/", "");
    expect(await acknowledgeFromLink(db(), memberLink, plus(5, nine))).toMatchObject({ status: 200, personName: expect.any(String) });
  });

  it("in working hours pages the team's on-call person; a reopened incident starts a new round that renews the page", async () => {
    const morning = at("2026-12-02T10:00");
    const id = await declare("Basket empty", morning);
    expect(await pagesOf(id)).toEqual([{ level: 0, personId: primary.id, teamId: null, outOfHours: false, scheduleId: teamScheduleId, acknowledgedAt: null }]);
    await changeIncidentStatus(db(), actorFor(primary), { incidentId: id, action: "acknowledge" }, plus(1, morning));
    await changeIncidentStatus(db(), actorFor(primary), { incidentId: id, action: "resolve" }, plus(10, morning));
    const night = at("2026-12-02T20:00");
    await changeIncidentStatus(db(), actorFor(primary), { incidentId: id, action: "reopen" }, night);
    await drain(plus(1, night));
    // The old round's escalation is over; the new one pages (out of hours now) and escalates on its own clock.
    expect(await escalateIncident(db(), escalationJob(id, 1)!.data, plus(5, morning), enqueueIn)).toBe("ended");
    expect(await pagesOf(id)).toEqual([{ level: 0, personId: primary.id, teamId: null, outOfHours: true, scheduleId: teamScheduleId, acknowledgedAt: null }]);
    const renewed = queued.filter((job) => job.queue === "incident.escalate" && job.data.incidentId === id && job.data.step === 1);
    expect(renewed).toHaveLength(2);
    expect(renewed[1]!.startAfter).toEqual(plus(6, night));
    expect(await escalateIncident(db(), renewed[1]!.data, plus(6, night), enqueueIn)).toBe("escalated");
  });

  it("a reassigned incident pages the new team; the old team's escalation ends", async () => {
    const otherTeam = await createTeam(db());
    const responder = await createPerson(db(), { teams: [{ teamId: otherTeam.id }] });
    const causing = await createService(db(), { teamId: otherTeam.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    await createOnCallSchedule(db(), { teamId: otherTeam.id, participantIds: [responder.id, (await createPerson(db())).id, (await createPerson(db())).id], effectiveFrom: at("2026-11-30T09:00") });
    const id = await declare("Login loops");
    await reassignIncident(db(), actorFor(primary), { incidentId: id, service: causing.slug, reason: "The identity service returns 500s" }, plus(2));
    await drain(plus(3));
    expect((await pagesOf(id)).map((page) => page.personId)).toEqual([primary.id, responder.id]);
    expect(await escalateIncident(db(), escalationJob(id, 1)!.data, plus(5), enqueueIn)).toBe("ended");
  });

  it("a major incident reaches the person on call on every live schedule", async () => {
    const manager = await createPerson(db(), { isIncidentManager: true });
    const opened = await declareIncident(db(), actorFor(manager), { services: [service.slug], title: "Everything is down", impact: "HIGH" }, EVENING);
    watched.add(opened.id);
    await drain(EVENING);
    const event = await db().domainEvent.findFirstOrThrow({ where: { entityId: opened.id, type: "incident.major-declared" }, select: { id: true } });
    const told = await db().notification.findMany({ where: { eventId: event.id }, select: { personId: true, title: true } });
    expect(told.map((row) => row.personId)).toEqual(expect.arrayContaining([primary.id, domainPrimary.id]));
    expect(told.find((row) => row.personId === domainPrimary.id)!.title).toMatch(/^Major incident INC-\d+ on .*: Everything is down$/);
  });
});
