// The signals page's reads against the run's PostgreSQL: each signal finds the rows this test made
// (other tests share the database, so nothing here counts all rows).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { createEnvironments, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { createOnCallSchedule } from "../../prisma/seed/oncall-factories";
import { testDb } from "../../test/helpers";
import { signalsOverview, thinRotas, type SignalsOverview } from "./queries";

const db = testDb;
const NOW = new Date("2026-12-04T10:00:00Z");
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

let overview: SignalsOverview;
let lowTeam: { id: string; slug: string };
let busyTeam: { id: string; slug: string };
let movedService: { slug: string };
let thinSchedule: { slug: string };
const titles = { stuck: `Add a circuit breaker ${randomUUID()}`, repeat: `Add circuit breaker again ${randomUUID()}`, item: `Rotate the certificates ${randomUUID()}` };

beforeAll(async () => {
  const [production] = (await createEnvironments(db())).filter((e) => e.isProduction);
  // A team rota for a team whose services are all 99.0%: inflated.
  lowTeam = await createTeam(db());
  await createService(db(), { teamId: lowTeam.id, availabilityTarget: "P99_0" });
  const a = await createPerson(db(), { teams: [{ teamId: lowTeam.id }] });
  const b = await createPerson(db(), { teams: [{ teamId: lowTeam.id }] });
  thinSchedule = await createOnCallSchedule(db(), { teamId: lowTeam.id, participantIds: [a.id, b.id], effectiveFrom: ago(120) });

  // Incident actions rising week on week, one stuck, and a review action raised twice.
  busyTeam = await createTeam(db());
  const service = await createService(db(), { teamId: busyTeam.id, availabilityTarget: "P99_9" });
  const incident = await createIncident(db(), { services: [service], lostAt: ago(100), regainedAt: ago(99.9) });
  const later = await createIncident(db(), { services: [service], lostAt: ago(20), regainedAt: ago(19.9) });
  const review = (incidentId: string, at: Date) => db().postIncidentReview.create({ data: { incidentId, serviceId: service.id, teamId: busyTeam.id, title: "Review", dueAt: at, scheduledAt: at }, select: { id: true } });
  const first = await review(incident.id, ago(95));
  const second = await review(later.id, ago(15));
  const original = await db().reviewAction.create({ data: { reviewId: first.id, title: titles.stuck, createdAt: ago(90) }, select: { id: true } });
  await db().reviewAction.create({ data: { reviewId: second.id, title: titles.repeat, repeatOfId: original.id, createdAt: ago(10) } });
  let rank = 0;
  const item = (title: string, createdAt: Date) => db().backlogItem.create({ data: { teamId: busyTeam.id, type: "OPERATIONAL", subtype: "INCIDENT_ACTION", title, rank: `a${(rank += 1)}`, createdAt }, select: { id: true } });
  await item(titles.item, ago(70));
  let level = 0;
  for (const [weeksAgo, count] of [[3, 1], [2, 2], [1, 3], [0, 4]] as const) {
    for (let i = 0; i < count; i += 1) await item(`Action ${weeksAgo}.${i}`, ago(weeksAgo * 7 + 1));
  }
  // Callouts: the last 4 weeks (6) twice the 4 before (3), paged by a domain rota (no team on the page).
  for (const [weeksAgo, count] of [[7, 1], [6, 1], [5, 1], [2, 2], [1, 2], [0, 2]] as const) {
    for (let i = 0; i < count; i += 1) {
      await db().incidentPage.create({ data: { incidentId: later.id, personId: a.id, teamId: null, level: (level += 1), reason: "primary on call (out of hours)", outOfHours: true, pagedAt: ago(weeksAgo * 7 + 2) } });
    }
  }

  // A service moved 40 days ago, whose lead time went from 2 h to 10 h.
  const fromTeam = await createTeam(db());
  const toTeam = await createTeam(db());
  const moved = await createService(db(), { teamId: toTeam.id });
  movedService = moved;
  await db().serviceOwnerChange.create({ data: { serviceId: moved.id, fromTeamId: fromTeam.id, toTeamId: toTeam.id, changedAt: ago(40) } });
  for (const [days, leadHours] of [[55, 2], [50, 2], [45, 2], [30, 10], [20, 10], [10, 10]] as const) {
    const finishedAt = ago(days);
    await db().deployment.create({
      data: { id: randomUUID(), serviceId: moved.id, environmentId: production!.id, version: `v${days}`, externalId: `run-${randomUUID()}`, status: "SUCCEEDED", startedAt: finishedAt, finishedAt, firstCommitAt: new Date(finishedAt.getTime() - leadHours * 3_600_000) },
    });
  }
  overview = await signalsOverview(db(), NOW);
});

describe("signalsOverview", () => {
  it("finds a team rota whose services are all below 99.9%, and a rota of two people", () => {
    expect(overview.inflated.needlessTeamSchedules.map((entry) => entry.team.slug)).toContain(lowTeam.slug);
    const rota = overview.rotas.find((entry) => entry.schedule.slug === thinSchedule.slug);
    expect(rota).toMatchObject({ participants: 2, thin: true });
    expect(rota!.people.length).toBe(2);
  });

  it("reuses a rota's computed load only while the schedule is unchanged", async () => {
    const renamed = `Renamed rota ${randomUUID()}`;
    await db().onCallSchedule.update({ where: { slug: thinSchedule.slug }, data: { name: renamed } });
    const rotas = await thinRotas(db(), NOW);
    expect(rotas.find((entry) => entry.schedule.slug === thinSchedule.slug)?.schedule.name).toBe(renamed);
  });

  it("finds incident actions rising week on week for the team", () => {
    const entry = overview.unplanned.find((u) => u.team.slug === busyTeam.slug);
    expect(entry?.incidentActions.slice(-4)).toEqual([1, 2, 3, 4]);
    expect(entry?.actionVerdict).toMatchObject({ rising: true, why: "streak" });
    expect(entry?.callouts).toEqual([1, 1, 1, 0, 0, 2, 2, 2]);
    expect(entry?.calloutVerdict).toMatchObject({ rising: true, why: "ratio", last4: 6, previous4: 3 });
  });

  it("finds the stuck review action, the stuck incident action and the repeat", () => {
    const byTitle = new Map(overview.stuck.items.map((item) => [item.title, item]));
    expect(byTitle.get(titles.stuck)).toMatchObject({ kind: "review-action", stuck: true, ageDays: 90 });
    expect(byTitle.get(titles.item)).toMatchObject({ kind: "incident-action", stuck: true, ageDays: 70 });
    expect(byTitle.get(titles.repeat)).toMatchObject({ stuck: false, repeatOf: { title: titles.stuck } });
  });

  it("finds the move followed by a worse lead time", () => {
    const entry = overview.accountability.find((a) => a.service.slug === movedService.slug);
    expect(entry?.leadTime).toMatchObject({ beforeMs: 2 * 3_600_000, afterMs: 10 * 3_600_000, worse: true });
  });
});
