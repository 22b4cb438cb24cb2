// Review use cases against the run's real PostgreSQL: scheduling (automatic for a major incident,
// idempotent under repeats and races), the analysis privacy rule, the joint review and publishing
// (frozen impact, tag union, review.published, repeat links), closed once reviewed, unique readers,
// the library search and the completion measure.
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { drainEventsOf } from "../../test/drain-events";
import { actorFor, adminActor, testDb, tokenActor } from "../../test/helpers";
import { AppError } from "../errors";
import { changeIncidentStatus } from "../incidents/change-incident-status";
import { reportIncident } from "../incidents/api/report-incident";
import { declareIncident } from "../incidents/declare-incident";
import { reviseIncidentImpact } from "../incidents/revise-incident-impact";
import { inviteParticipant } from "./invite-participant";
import { majorIncidentReviews } from "./on-major-incident";
import { openReview } from "./open-review";
import { publishReview } from "./publish-review";
import { getReview, MARK_START, reviewCompletion, reviewsDueForTeams, majorIncidentsAwaitingReview, searchLibrary, visibleAnalyses } from "./queries";
import { recordAnalysis } from "./record-analysis";
import { recordReader } from "./record-reader";
import { reviewNotices } from "./review-notices";
import { saveAction } from "./save-action";
import { saveFactor } from "./save-factor";
import { scheduleReview } from "./schedule-review";
import { shareAnalysis } from "./share-analysis";
import { startDrafting } from "./start-drafting";
import { updateReview } from "./update-review";
import { addWorkingDays } from "./working-days";
import { REPORTING_TIME_ZONE } from "../reliability/report";
import { ZLibraryQuery } from "./schemas";

const db = testDb;
const T0 = new Date("2026-11-02T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

type P = Awaited<ReturnType<typeof createPerson>>;
let team: { id: string };
let service: { id: string; slug: string };
let ana: P;
let ben: P;
let pm: P;
let manager: P;
let outsider: P;

beforeAll(async () => {
  team = await createTeam(db());
  const otherTeam = await createTeam(db());
  service = await createService(db(), { teamId: team.id });
  ana = await createPerson(db(), { teams: [{ teamId: team.id }] });
  ben = await createPerson(db(), { teams: [{ teamId: team.id }] });
  pm = await createPerson(db(), { role: "PRODUCT_MANAGER", teams: [{ teamId: team.id }] });
  manager = await createPerson(db(), { isIncidentManager: true });
  outsider = await createPerson(db(), { teams: [{ teamId: otherTeam.id }] });
});

async function minorIncident(title = "Slow checkout for some cards", at = T0) {
  return declareIncident(db(), actorFor(ana), { services: [service.slug], title, impact: "LOW" }, at);
}

/** A minor incident, resolved, with a review scheduled by Ana and Ben invited. */
async function reviewWithTwo(title?: string, at = T0) {
  const incident = await minorIncident(title, at);
  await changeIncidentStatus(db(), actorFor(ana), { incidentId: incident.id, action: "resolve" }, new Date(at.getTime() + 45 * 60_000));
  const review = await scheduleReview(db(), actorFor(ana), { incidentId: incident.id }, new Date(at.getTime() + 60 * 60_000));
  await inviteParticipant(db(), actorFor(ana), { reviewId: review.id, personId: ben.id });
  return { incident, review };
}

async function publishWith(reviewId: string, action: { title: string; tags?: string[] }, at: Date) {
  await startDrafting(db(), actorFor(ana), { reviewId });
  const factor = await saveFactor(db(), actorFor(ana), { reviewId, kind: "TECHNICAL", description: "The queue filled without anyone noticing", tags: (action.tags ?? ["queueing"]).join(", ") });
  const saved = await saveAction(db(), actorFor(ana), { reviewId, title: action.title, ownerId: ben.id, dueAt: "2026-12-20", factorId: factor.id });
  await updateReview(db(), actorFor(ana), { reviewId, summary: "Payments queued up behind a stuck consumer; marmalade was the word.", learnings: "Watch the queue.", tags: "payments" });
  const published = await publishReview(db(), actorFor(pm), { reviewId }, at);
  return { factor, action: saved, published };
}

describe("scheduling", () => {
  it("a major incident gets one review, however often its events are handled, due in ten working days", async () => {
    const incident = await declareIncident(db(), actorFor(manager), { services: [service.slug], title: "Payments down everywhere", impact: "HIGH" }, T0);
    await drainEventsOf(db(), majorIncidentReviews, [incident.id]);
    await drainEventsOf(db(), majorIncidentReviews, [incident.id]);
    const reviews = await db().postIncidentReview.findMany({ where: { incidentId: incident.id }, select: { id: true, status: true, scheduledAt: true, dueAt: true, scheduledById: true, teamId: true } });
    expect(reviews).toHaveLength(1);
    const [review] = reviews;
    expect(review!.status).toBe("COLLECTING");
    expect(review!.scheduledById).toBeNull();
    expect(review!.teamId).toBe(team.id);
    expect(review!.dueAt).toEqual(addWorkingDays(review!.scheduledAt, 10, { timeZone: REPORTING_TIME_ZONE, holidays: new Set() }));
    const participants = await db().reviewParticipant.findMany({ where: { reviewId: review!.id }, select: { personId: true } });
    // The declarer and the facilitator (the team's product manager, as no commander was named).
    expect(participants.map((p) => p.personId).sort()).toEqual([manager.id, pm.id].sort());
    const again = await scheduleReview(db(), actorFor(pm), { incidentId: incident.id }, T0);
    expect(again).toMatchObject({ id: review!.id, created: false });
    const events = await db().domainEvent.findMany({ where: { entityId: review!.id }, select: { type: true } });
    expect(events.map((e) => e.type)).toEqual(["review.scheduled"]);
  });

  it("a major incident from the incident API, and one raised to HIGH, get their review too; a minor one does not", async () => {
    const token = tokenActor({ scopes: ["incidents:write"], serviceId: service.id });
    const fromApi = await reportIncident(db(), token, { service: service.slug, externalId: `rev-${Date.now()}`, title: "Alert: everything 500s", impact: "HIGH", status: "triggered", startedAt: T0.toISOString() }, T0);
    const minor = await minorIncident("Stays minor");
    const raised = await minorIncident("Turns out to be major");
    await reviseIncidentImpact(db(), actorFor(manager), { incidentId: raised.id, impact: "HIGH", reason: "Every checkout fails" }, minutes(5));
    await drainEventsOf(db(), majorIncidentReviews, [fromApi.id, minor.id, raised.id]);
    const reviewed = await db().postIncidentReview.findMany({ where: { incidentId: { in: [fromApi.id, minor.id, raised.id] } }, select: { incidentId: true } });
    expect(reviewed.map((r) => r.incidentId).sort()).toEqual([fromApi.id, raised.id].sort());
  });

  it("hostile input is a field error and writes nothing", async () => {
    const incident = await minorIncident("Hostile");
    const review = await scheduleReview(db(), actorFor(ana), { incidentId: incident.id }, T0);
    const bad = async (input: object, field: string) => expect((await rejection(recordAnalysis(db(), actorFor(ana), { reviewId: review.id, ...input }))).fieldErrors[field]).toBeTruthy();
    await bad({ analysis: "a\u0000b" }, "analysis");
    await bad({ analysis: "x".repeat(50_001) }, "analysis");
    await bad({ analysis: { toString: "no" } }, "analysis");
    expect((await rejection(updateReview(db(), actorFor(ana), { reviewId: review.id, tags: ["ok", 7], dueAt: "tomorrow" }))).fieldErrors).toMatchObject({ dueAt: expect.any(Array) });
    expect((await rejection(scheduleReview(db(), actorFor(ana), { incidentId: ["x"] }))).code).toBe("VALIDATION");
    expect((await rejection(recordAnalysis(db(), actorFor(ana), { reviewId: "no-such-review", analysis: "hi" }))).code).toBe("NOT_FOUND");
    expect(await db().auditEvent.count({ where: { entityId: review.id, action: { not: "review.schedule" } } })).toBe(0);
  });

  it("two schedulers racing make one review", async () => {
    const incident = await minorIncident("Racing schedulers");
    const results = await Promise.all([1, 2, 3].map(() => db().$transaction((tx) => openReview(tx, actorFor(ana), { incidentId: incident.id, now: T0 }))));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });

  it("a minor incident on request: the owning team may, another team may not; participants are told", async () => {
    const incident = await minorIncident("Minor but interesting");
    expect((await rejection(scheduleReview(db(), actorFor(outsider), { incidentId: incident.id }, T0))).code).toBe("FORBIDDEN");
    expect((await rejection(scheduleReview(db(), actorFor(ana), { incidentId: incident.id, dueAt: "2020-01-01" }, T0))).fieldErrors.dueAt).toBeTruthy();
    const review = await scheduleReview(db(), actorFor(ana), { incidentId: incident.id, dueAt: "2026-11-30" }, T0);
    expect(review.created).toBe(true);
    const row = await db().postIncidentReview.findUniqueOrThrow({ where: { id: review.id }, select: { dueAt: true, facilitatorId: true } });
    expect(row).toEqual({ dueAt: new Date("2026-11-30T17:00:00Z"), facilitatorId: pm.id });
    await drainEventsOf(db(), reviewNotices, [review.id]);
    const notices = await db().notification.findMany({ where: { kind: "review.scheduled", href: `/reviews/${review.id}` }, select: { personId: true } });
    // Ana scheduled it herself: the facilitator is told.
    expect(notices.map((n) => n.personId)).toEqual([pm.id]);
  });
});

describe("the analysis privacy rule", () => {
  it("an analysis is seen only by its author until shared, by nobody else, admins and the facilitator included", async () => {
    const { review } = await reviewWithTwo("Privacy");
    const secret = "I restarted the consumer twice before paging: zebra-private-words";
    await recordAnalysis(db(), actorFor(ana), { reviewId: review.id, analysis: secret }, minutes(90));
    const seenBy = async (viewer: ReturnType<typeof actorFor>) => (await getReview(db(), review.id, viewer, minutes(100)))!.analyses.map((a) => a.analysis);
    expect(await seenBy(actorFor(ana))).toEqual([secret]);
    expect(await seenBy(actorFor(ben))).toEqual([]);
    expect(await seenBy(actorFor(pm))).toEqual([]);
    expect(await seenBy(adminActor())).toEqual([]);
    expect(await visibleAnalyses(db(), review.id, outsider.id)).toEqual([]);
    // Not in the audit trail either.
    const audit = await db().auditEvent.findMany({ where: { entityId: review.id }, select: { action: true, after: true } });
    expect(JSON.stringify(audit)).not.toContain("zebra-private-words");
    expect(audit.map((a) => a.action)).toContain("review.record-analysis");
    // Only participants write one; someone who is not a participant cannot, even an admin.
    expect((await rejection(recordAnalysis(db(), actorFor(outsider), { reviewId: review.id, analysis: "mine" }))).code).toBe("FORBIDDEN");
    expect((await rejection(recordAnalysis(db(), adminActor(), { reviewId: review.id, analysis: "mine" }))).code).toBe("FORBIDDEN");
    await recordAnalysis(db(), actorFor(ben), { reviewId: review.id, analysis: "Ben's own view" }, minutes(95));
    expect(await seenBy(actorFor(ana))).toEqual([secret]);
    expect(await shareAnalysis(db(), actorFor(ana), { reviewId: review.id }, minutes(110))).toBe("shared");
    expect(await shareAnalysis(db(), actorFor(ana), { reviewId: review.id }, minutes(111))).toBe("replay");
    expect(await seenBy(actorFor(ben))).toEqual([secret, "Ben's own view"]);
    expect(await seenBy(actorFor(pm))).toEqual([secret]);
  });

  it("sharing an empty analysis is a field error", async () => {
    const { review } = await reviewWithTwo("Empty share");
    expect((await rejection(shareAnalysis(db(), actorFor(ben), { reviewId: review.id }))).fieldErrors.analysis).toBeTruthy();
  });
});

describe("the joint review and publishing", () => {
  it("drafting pulls the incident timeline; publishing freezes impact, joins tags, emits review.published and closes the resolved incident", async () => {
    const { incident, review } = await reviewWithTwo("Queue stuck");
    expect((await rejection(publishReview(db(), actorFor(pm), { reviewId: review.id }))).fieldErrors.status).toBeTruthy();
    const { action, published } = await publishWith(review.id, { title: "Alert on queue depth", tags: ["queueing", "alerting"] }, minutes(2 * 24 * 60));
    expect(published.closedIncident).toBe(true);
    const row = await db().postIncidentReview.findUniqueOrThrow({ where: { id: review.id }, select: { status: true, publishedAt: true, tags: true, availabilityLostMinutes: true, publishedById: true, timeline: { select: { incidentEntryId: true } } } });
    expect(row).toMatchObject({ status: "PUBLISHED", publishedAt: minutes(2 * 24 * 60), tags: ["alerting", "payments", "queueing"], availabilityLostMinutes: 45, publishedById: pm.id });
    expect(row.timeline.length).toBeGreaterThanOrEqual(2);
    expect(row.timeline.every((entry) => entry.incidentEntryId)).toBe(true);
    const event = await db().domainEvent.findFirstOrThrow({ where: { entityId: review.id, type: "review.published" }, select: { payload: true } });
    expect(event.payload).toMatchObject({ actions: [{ id: action.id, title: "Alert on queue depth", ownerId: ben.id, dueAt: "2026-12-20T17:00:00.000Z" }] });
    expect((await db().incident.findUniqueOrThrow({ where: { id: incident.id }, select: { status: true } })).status).toBe("CLOSED");
    expect((await rejection(updateReview(db(), actorFor(ana), { reviewId: review.id, summary: "rewrite" }))).code).toBe("CONFLICT");
  });

  it("an action raised again in a later review of the same service links to the earlier one, by title or by factor tag", async () => {
    const first = await reviewWithTwo("First stuck queue", minutes(3 * 24 * 60));
    const earlier = await publishWith(first.review.id, { title: "Add an alert on consumer lag", tags: ["consumer-lag"] }, minutes(4 * 24 * 60));
    const second = await reviewWithTwo("Second stuck queue", minutes(5 * 24 * 60));
    const later = await publishWith(second.review.id, { title: "Alerting on the consumer lag", tags: ["other"] }, minutes(6 * 24 * 60));
    expect(later.published.repeats).toEqual([{ actionId: later.action.id, repeatOfId: earlier.action.id }]);
    const third = await reviewWithTwo("Third", minutes(7 * 24 * 60));
    const byTag = await publishWith(third.review.id, { title: "Load test the consumers", tags: ["consumer-lag"] }, minutes(8 * 24 * 60));
    expect(byTag.published.repeats[0]?.repeatOfId).toBeDefined();
    const view = await getReview(db(), first.review.id, actorFor(outsider));
    expect(view!.actions[0]!.repeatedBy.map((r) => r.review.number)).toContain((await db().postIncidentReview.findUniqueOrThrow({ where: { id: second.review.id }, select: { number: true } })).number);
  });
});

describe("closed once reviewed", () => {
  it("an incident whose review is not published cannot be closed: a field error on the status", async () => {
    const { incident } = await reviewWithTwo("Close too early");
    const error = await rejection(changeIncidentStatus(db(), actorFor(ana), { incidentId: incident.id, action: "close" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors.status?.[0]).toMatch(/closes once its review PIR-\d+ is published/);
  });

  it("an incident without a review closes as before", async () => {
    const incident = await minorIncident("No review needed");
    await changeIncidentStatus(db(), actorFor(ana), { incidentId: incident.id, action: "resolve" }, minutes(5));
    expect(await changeIncidentStatus(db(), actorFor(ana), { incidentId: incident.id, action: "close" }, minutes(6))).toBe("moved");
  });
});

describe("readers and the library", () => {
  it("counts each reader once, even opening at the same moment, and only once published", async () => {
    const { review } = await reviewWithTwo("Readers");
    expect(await recordReader(db(), review.id, actorFor(outsider))).toBe(false);
    await publishWith(review.id, { title: "Readers action" }, minutes(9 * 24 * 60));
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => recordReader(db(), review.id, actorFor(outsider))));
    expect(results.filter(Boolean)).toHaveLength(1);
    await recordReader(db(), review.id, actorFor(ben));
    expect(await db().reviewReader.count({ where: { reviewId: review.id } })).toBe(2);
    expect((await getReview(db(), review.id, actorFor(ana)))!.readers).toBe(2);
  });

  it("finds published reviews by words, ranked with highlighted snippets, by tag and service, paged by keyset", async () => {
    const query = (input: object) => searchLibrary(db(), ZLibraryQuery.parse(input));
    const hits = await query({ q: "marmalade", service: service.slug, limit: 2 });
    expect(hits.hits).toHaveLength(2);
    expect(hits.hits[0]!.snippet).toContain(`${MARK_START}marmalade`);
    expect(hits.next).not.toBeNull();
    const rest = await query({ q: "marmalade", service: service.slug, limit: 100, cursor: hits.next });
    const all = [...hits.hits, ...rest.hits].map((h) => h.id);
    expect(new Set(all).size).toBe(all.length);
    const total = await db().postIncidentReview.count({ where: { serviceId: service.id, status: "PUBLISHED" } });
    expect(all).toHaveLength(total);
    const tagged = await query({ tag: "consumer-lag", service: service.slug });
    expect(tagged.hits.length).toBe(2);
    expect((await query({ q: "nosuchwordanywhere" })).hits).toEqual([]);
  });

  it("the completion measure and the product manager's lists", async () => {
    const now = minutes(20 * 24 * 60);
    const completion = await reviewCompletion(db(), { teamIds: [team.id], now });
    // Three major incidents (the scheduling tests'), their reviews still collecting: 0 of 3.
    expect(completion).toMatchObject({ majorIncidents: 3, publishedOnTime: 0, share: 0 });
    const due = await reviewsDueForTeams(db(), [team.id], now);
    expect(due.length).toBeGreaterThan(0);
    expect(due.every((r) => r.overdue === r.dueAt < now)).toBe(true);
    const candidates = await majorIncidentsAwaitingReview(db(), [team.id], minutes(10));
    expect(candidates.some((c) => c.kind === "minor")).toBe(true);
  });
});

describe("the completion measure", () => {
  it("counts the major incidents of the last 90 days whose review was published by its due date", async () => {
    const quiet = await createTeam(db());
    const svc = await createService(db(), { teamId: quiet.id });
    const now = new Date("2026-11-30T12:00:00Z");
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000);
    const major = (lost: Date) => createIncident(db(), { services: [{ id: svc.id, teamId: quiet.id }], lostAt: lost, regainedAt: new Date(lost.getTime() + 3_600_000), impact: "HIGH" });
    const review = async (incidentId: string, dueAt: Date, publishedAt: Date | null) => {
      const opened = await db().$transaction((tx) => openReview(tx, actorFor(pm), { incidentId, dueAt, now: day(80) }));
      if (publishedAt) await db().postIncidentReview.update({ where: { id: opened.id }, data: { status: "PUBLISHED", publishedAt } });
    };
    const onTime = await major(day(60));
    await review(onTime.id, day(45), day(50));
    const late = await major(day(40));
    await review(late.id, day(30), day(20));
    const open = await major(day(10));
    await review(open.id, day(-5), null);
    await major(day(5)); // no review at all
    await major(day(100)); // before the window
    await createIncident(db(), { services: [{ id: svc.id, teamId: quiet.id }], lostAt: day(3), regainedAt: day(2), impact: "MEDIUM" });
    expect(await reviewCompletion(db(), { teamIds: [quiet.id], now })).toEqual({ majorIncidents: 4, publishedOnTime: 1, share: 0.25, days: 90 });
    expect(await reviewCompletion(db(), { teamIds: [quiet.id], now, days: 30 })).toEqual({ majorIncidents: 2, publishedOnTime: 0, share: 0, days: 30 });
    const due = await reviewsDueForTeams(db(), [quiet.id], now);
    expect(due.map((r) => r.overdue)).toEqual([false]);
    const candidates = await majorIncidentsAwaitingReview(db(), [quiet.id], now);
    expect(candidates.map((c) => c.kind)).toEqual(["major", "major", "minor"]);
  });
});
