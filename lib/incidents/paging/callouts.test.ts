// Callouts in the load and pay report, on the real database: an out-of-hours page counts for the paged
// person and for whoever acknowledged, once per incident, paid under standby + callout and charged to
// the owning team per service; a working-hours page is no callout.
process.env.RUNWELL_SECRETS_KEY ??= "paging-tests-secrets-key-0123456789";
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../../prisma/seed/factories";
import { createOnCallSchedule, createPayPolicy } from "../../../prisma/seed/oncall-factories";
import { actorFor, testDb } from "../../../test/helpers";
import { drainSubscriber } from "../../events/dispatch";
import type { Subscriber } from "../../events/subscribers";
import { loadReport } from "../../oncall/report-view";
import { changeIncidentStatus } from "../change-incident-status";
import { declareIncident } from "../declare-incident";
import { incidentPaging } from "./on-incident-paging";

const db = testDb;
const at = (iso: string) => DateTime.fromISO(iso, { zone: "Europe/London" }).toJSDate();
const watched = new Set<string>();
let clock = new Date();
const paging: Subscriber = (() => {
  const real = incidentPaging(() => clock);
  return { ...real, name: `test:paging:${randomUUID()}`, handle: (event, context) => (watched.has(event.entityId) ? real.handle(event, context) : Promise.resolve()) };
})();

type P = Awaited<ReturnType<typeof createPerson>>;
let team: { id: string };
let onCall: P, colleague: P;
let rota: string[];
let service: { slug: string };

beforeAll(async () => {
  team = await createTeam(db());
  [onCall, colleague] = [await createPerson(db(), { teams: [{ teamId: team.id }] }), await createPerson(db(), { teams: [{ teamId: team.id }] })] as [P, P];
  service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
  // Three people, weekly from Monday 4 January 2027: the first is on call the first week.
  rota = [onCall.id, (await createPerson(db())).id, (await createPerson(db())).id];
  await createOnCallSchedule(db(), { teamId: team.id, participantIds: rota, effectiveFrom: at("2027-01-04T09:00") });
  await createPayPolicy(db(), { teamId: team.id, model: "STANDBY_AND_CALLOUT", standbyRate: 300, weekendHolidayRate: 450, calloutRate: 5000 });
});

async function incidentAt(when: Date, title: string) {
  const opened = await declareIncident(db(), actorFor(colleague), { services: [service.slug], title, impact: "MEDIUM" }, when);
  watched.add(opened.id);
  clock = when;
  await drainSubscriber(db(), paging, () => async () => undefined);
  return opened.id;
}

describe("callouts in the pay report", () => {
  it("counts and pays an out-of-hours page for the paged person and the acknowledger, not a working-hours one", async () => {
    const night = await incidentAt(at("2027-01-05T23:10"), "Night outage");
    // A colleague who was not paged acknowledges: called out too. The paged person is counted once.
    await changeIncidentStatus(db(), actorFor(colleague), { incidentId: night, action: "acknowledge" }, at("2027-01-05T23:20"));
    await incidentAt(at("2027-01-06T11:00"), "Daytime blip");

    const report = await loadReport(db(), "2027-01");
    const currency = report.unit.code;
    const row = (id: string) => report.rows.find((r) => r.personId === id)!;
    expect(row(onCall.id).callouts).toBe(1);
    expect(row(colleague.id)).toMatchObject({ shifts: 0, callouts: 1, pay: { [currency]: 5000 } });
    const standby = Math.round(row(onCall.id).outOfHours * 300 + (row(onCall.id).weekend + row(onCall.id).holiday) * 450);
    expect(row(onCall.id).pay[currency]).toBe(standby + 5000);
    // Charged to the owning team, on the service the incident was for.
    const charged = report.charges.filter((entry) => entry.teamId === team.id);
    expect(charged.map((entry) => entry.serviceSlug)).toEqual([service.slug]);
    const paid = [...rota, colleague.id].reduce((sum, id) => sum + (row(id).pay[currency] ?? 0), 0);
    expect(charged[0]!.amount).toBe(paid);
    // Another month does not count them.
    const december = await loadReport(db(), "2026-12");
    expect(december.rows.find((r) => r.personId === colleague.id)).toBeUndefined();
  });
});
