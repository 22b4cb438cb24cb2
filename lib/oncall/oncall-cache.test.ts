// The shift cache behind who-is-on-call and the schedule page, against the run's real PostgreSQL: with
// the cache warm, a change through every kind of on-call use case (and edits from outside the area, and
// raw SQL as another process would write) shows in the very next answer; warm answers equal cold ones
// as time moves on; a rolled-back transaction leaves nothing behind.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { createDomain, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createOnCallSchedule } from "../../prisma/seed/oncall-factories";
import { actorFor, adminActor, testDb } from "../../test/helpers";
import { addLeave } from "./add-leave";
import { archiveSchedule } from "./archive-schedule";
import { assignOverride } from "./assign-override";
import { cancelLeave } from "./cancel-leave";
import { cancelOverride } from "./cancel-override";
import { editRotation } from "./edit-rotation";
import { clearOnCallNowCache, getOnCallNow, within } from "./get-oncall-now";
import { addHoliday, createHolidayCalendar, removeHoliday, renameHolidayCalendar } from "./holiday-calendars";
import { requestCover } from "./request-cover";
import { respondToRequest } from "./respond-to-request";
import { setOptOut } from "./set-opt-out";
import { finalShifts } from "./shift-engine";
import { takeShiftNow } from "./take-shift-now";
import { updateSchedule } from "./update-schedule";
import { clearScheduleViewCache, scheduleView } from "./views";

const db = testDb;
const zone = "Europe/London";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
// Use cases run at Wednesday noon; answers are asked for that evening, out of hours. Weekly Monday 09:00
// handoffs from 16 Nov: ana, ben, cy, dee, so cy holds 30 Nov–7 Dec.
const NOON = at("2026-12-02T12:00");
const EVENING = at("2026-12-02T20:00");
const [ANA, BEN, CY, DEE] = [0, 1, 2, 3];

async function setup() {
  const domain = await createDomain(db());
  const team = await createTeam(db(), { domainId: domain.id });
  const people: Awaited<ReturnType<typeof createPerson>>[] = [];
  for (let i = 0; i < 4; i += 1) people.push(await createPerson(db(), { teams: [{ teamId: team.id }] }));
  const lead = await createPerson(db(), { teams: [{ teamId: team.id, isLead: true }] });
  const schedule = await createOnCallSchedule(db(), { teamId: team.id, participantIds: people.map((p) => p.id), effectiveFrom: at("2026-11-16T09:00") });
  const service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
  const who = async (when = EVENING) => (await getOnCallNow(db(), { slug: service.slug }, when))[0]!;
  const everyone = async (when = EVENING) => getOnCallNow(db(), {}, when);
  const page = (when = NOON) => scheduleView(db(), schedule.slug, "month", "2026-12-01", when);
  return { team, people, lead, schedule, service, who, everyone, page, actor: (index: number) => actorFor(people[index]!) };
}

describe("with the cache warm, every kind of change shows at once", () => {
  it("assigning and cancelling an override (single-service and every-service answers)", async () => {
    const { people, lead, schedule, service, who, everyone } = await setup();
    expect((await who()).primary?.id).toBe(people[CY]!.id);
    const all = async () => (await everyone()).find((answer) => answer.service === service.slug)!;
    expect((await all()).primary?.id).toBe(people[CY]!.id);
    const { id } = await assignOverride(db(), actorFor(lead), { scheduleId: schedule.id, personId: people[DEE]!.id, startsAt: "2026-12-02T18:00", endsAt: "2026-12-03T09:00" }, NOON);
    expect((await who()).primary?.id).toBe(people[DEE]!.id);
    expect((await all()).primary?.id).toBe(people[DEE]!.id);
    await cancelOverride(db(), actorFor(lead), id, NOON);
    expect((await who()).primary?.id).toBe(people[CY]!.id);
    expect((await all()).primary?.id).toBe(people[CY]!.id);
  });

  it("taking the shift now", async () => {
    const { people, schedule, who, actor } = await setup();
    expect((await who()).primary?.id).toBe(people[CY]!.id);
    await takeShiftNow(db(), actor(BEN), schedule.id, EVENING);
    expect((await who()).primary?.id).toBe(people[BEN]!.id);
  });

  it("a cover request, only once accepted", async () => {
    const { people, schedule, who, actor } = await setup();
    expect((await who()).primary?.id).toBe(people[CY]!.id);
    const request = await requestCover(db(), actor(CY), { scheduleId: schedule.id, responderId: people[ANA]!.id, startsAt: at("2026-12-02T18:00").toISOString(), endsAt: at("2026-12-03T09:00").toISOString() }, NOON);
    expect((await who()).primary?.id).toBe(people[CY]!.id);
    await respondToRequest(db(), actor(ANA), request.id, "ACCEPT", NOON);
    expect((await who()).primary?.id).toBe(people[ANA]!.id);
  });

  it("a rotation edit", async () => {
    const { people, lead, schedule, who } = await setup();
    expect((await who()).primary?.id).toBe(people[CY]!.id);
    await editRotation(db(), actorFor(lead), schedule.id, { rotationDays: 7, handoffWeekday: 1, handoffTime: "09:00", participantIds: [DEE, ANA, BEN].map((i) => people[i]!.id), effectiveFrom: "2026-12-02T13:00" }, NOON);
    expect((await who()).primary?.id).toBe(people[DEE]!.id);
  });

  it("settings (working hours), a holiday added and removed, a calendar renamed", async () => {
    const { lead, schedule, who, page } = await setup();
    const settings = { name: "Rota", timeZone: zone, workdayStart: "09:00", workdayEnd: "17:00", workingDays: [1, 2, 3, 4, 5], hasSecondary: false, rotationDays: 7, handoffWeekday: 1, handoffTime: "09:00", effectiveFrom: "" };
    expect((await who()).cover).toBe("out_of_hours_team");
    await updateSchedule(db(), actorFor(lead), schedule.id, { ...settings, workdayEnd: "21:00" }, NOON);
    expect((await who()).cover).toBe("in_hours_team");

    const calendar = await createHolidayCalendar(db(), adminActor(), { name: "Bank holidays", slug: `bank-${schedule.id}` });
    await updateSchedule(db(), actorFor(lead), schedule.id, { ...settings, holidayCalendarId: calendar.id }, NOON);
    const thursdayNoon = at("2026-12-03T12:00");
    expect((await who(thursdayNoon)).cover).toBe("in_hours_team");
    expect((await page())!.schedule.holidayCalendarName).toBe("Bank holidays");
    const holiday = await addHoliday(db(), adminActor(), calendar.id, { date: "2026-12-03", name: "A day off" });
    expect((await who(thursdayNoon)).cover).toBe("out_of_hours_team");
    await removeHoliday(db(), adminActor(), holiday.id);
    expect((await who(thursdayNoon)).cover).toBe("in_hours_team");
    await renameHolidayCalendar(db(), adminActor(), calendar.id, { name: "Public holidays", slug: `bank-${schedule.id}` });
    expect((await page())!.schedule.holidayCalendarName).toBe("Public holidays");
  });

  it("archiving the schedule", async () => {
    const { schedule, who, page } = await setup();
    expect((await who()).cover).toBe("out_of_hours_team");
    expect(await page()).not.toBeNull();
    await archiveSchedule(db(), adminActor(), schedule.id, { confirmUncovered: true }, NOON);
    expect((await who()).cover).toBe("none");
    expect(await page()).toBeNull();
  });

  it("leave added and cancelled, and an opt-out, on the schedule page", async () => {
    const { people, page, schedule, actor } = await setup();
    expect((await page())!.leave).toEqual([]);
    const { id } = await addLeave(db(), actor(DEE), { startsAt: "2026-12-10T00:00", endsAt: "2026-12-12T00:00", timeZone: zone }, NOON);
    const withLeave = await page();
    expect(withLeave!.leave.map((entry) => entry.id)).toEqual([id]);
    // Dee holds 7–14 Dec: the calendar flags the clash on those days.
    expect(withLeave!.days.get("2026-12-10")!.some((segment) => segment.personId === people[DEE]!.id && segment.onLeave)).toBe(true);
    await cancelLeave(db(), actor(DEE), id, NOON);
    expect((await page())!.leave).toEqual([]);
    await setOptOut(db(), actor(ANA), schedule.id, true, NOON);
    expect((await page())!.schedule.optedOutIds).toEqual([people[ANA]!.id]);
  });

  it("a person renamed outside the on-call area, and a team renamed", async () => {
    const { people, team, who, page } = await setup();
    expect((await who()).primary?.name).toBe(people[CY]!.name);
    await page();
    await db().person.update({ where: { id: people[CY]!.id }, data: { name: "Cy Renamed" } });
    expect((await who()).primary?.name).toBe("Cy Renamed");
    expect((await page())!.people.get(people[CY]!.id)?.name).toBe("Cy Renamed");
    await db().team.update({ where: { id: team.id }, data: { name: "Renamed team" } });
    expect((await page())!.schedule.ownerName).toBe("Renamed team");
  });

  it("the list of services: a new service, a target changed, a team renamed or moved, a service archived", async () => {
    const { people, team, service, everyone } = await setup();
    const find = async (slug: string, when = EVENING) => (await everyone(when)).find((answer) => answer.service === slug);
    expect((await find(service.slug))?.primary?.id).toBe(people[CY]!.id);
    const added = await createService(db(), { teamId: team.id, availabilityTarget: "P95_0", maxLossPerHour: 100 });
    expect((await find(added.slug))?.cover).toBe("none");
    await db().service.update({ where: { id: added.id }, data: { availabilityTarget: "P99_9" } });
    expect((await find(added.slug))?.primary?.id).toBe(people[CY]!.id);
    const thursdayNoon = at("2026-12-03T12:00");
    await db().team.update({ where: { id: team.id }, data: { name: "Team with a new name" } });
    expect((await find(added.slug, thursdayNoon))?.reason).toMatch(/Team with a new name supports its services/);
    // A 99.0% service is covered by its team's domain schedule: none yet, then the team moves to a domain with one.
    await db().service.update({ where: { id: added.id }, data: { availabilityTarget: "P99_0" } });
    expect((await find(added.slug))?.cover).toBe("none");
    const covered = await createDomain(db());
    await createOnCallSchedule(db(), { domainId: covered.id, participantIds: [people[BEN]!.id, people[ANA]!.id, people[DEE]!.id], effectiveFrom: at("2026-11-30T09:00") });
    await db().team.update({ where: { id: team.id }, data: { domainId: covered.id } });
    expect(await find(added.slug)).toMatchObject({ cover: "out_of_hours_domain", primary: { id: people[BEN]!.id } });
    await db().service.update({ where: { id: added.id }, data: { archivedAt: new Date() } });
    expect(await find(added.slug)).toBeUndefined();
  });

  it("a row written by raw SQL, as another process would: no in-process hook is needed", async () => {
    const { people, lead, schedule, who } = await setup();
    const { id } = await assignOverride(db(), actorFor(lead), { scheduleId: schedule.id, personId: people[DEE]!.id, startsAt: "2026-12-02T18:00", endsAt: "2026-12-03T09:00" }, NOON);
    expect((await who()).primary?.id).toBe(people[DEE]!.id);
    await db().$executeRaw`UPDATE "OnCallOverride" SET "cancelledAt" = now() WHERE id = ${id}`;
    expect((await who()).primary?.id).toBe(people[CY]!.id);
  });

  it("nothing from a rolled-back transaction stays", async () => {
    const { people, lead, schedule, who } = await setup();
    expect((await who()).primary?.id).toBe(people[CY]!.id);
    const rolledBack = new Error("roll back");
    await expect(
      db().$transaction(async (tx) => {
        await tx.onCallOverride.create({ data: { scheduleId: schedule.id, personId: people[BEN]!.id, startsAt: at("2026-12-02T18:00"), endsAt: at("2026-12-03T09:00"), kind: "ASSIGNED" } });
        // Read (and cached) inside the transaction, with its uncommitted override.
        expect((await getOnCallNow(tx, {}, EVENING)).length).toBeGreaterThan(0);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    // The next committed change takes a new stamp, never the rolled-back one (a per-row counter would
    // hand the same number out again and bring back the rolled-back override).
    await assignOverride(db(), actorFor(lead), { scheduleId: schedule.id, personId: people[DEE]!.id, startsAt: "2026-12-02T18:00", endsAt: "2026-12-03T09:00" }, NOON);
    expect((await who()).primary?.id).toBe(people[DEE]!.id);
  });
});

describe("as time moves on", () => {
  it("warm answers equal cold ones, hour by hour across handoffs and working hours", async () => {
    const { people, lead, schedule, service, who, page } = await setup();
    await assignOverride(db(), actorFor(lead), { scheduleId: schedule.id, personId: people[ANA]!.id, startsAt: "2026-12-05T10:00", endsAt: "2026-12-07T09:00" }, NOON);
    for (let hour = 0; hour < 24 * 9; hour += 5) {
      const when = new Date(EVENING.getTime() + hour * 3_600_000);
      const warm = await who(when);
      const warmPage = await page(when);
      clearOnCallNowCache();
      clearScheduleViewCache();
      expect(warm, when.toISOString()).toEqual((await getOnCallNow(db(), { slug: service.slug }, when))[0]);
      expect(warmPage, when.toISOString()).toEqual(await page(when));
    }
    // After Monday's 09:00 handoff (and Ana's override ending then) Dee holds the week.
    expect((await who(at("2026-12-07T20:00"))).primary?.id).toBe(people[DEE]!.id);
  });

  it("cutting shifts computed for a wider window gives the shifts of the narrower one", async () => {
    const { people, lead, schedule } = await setup();
    await assignOverride(db(), actorFor(lead), { scheduleId: schedule.id, personId: people[BEN]!.id, startsAt: "2026-12-03T18:00", endsAt: "2026-12-10T09:00" }, NOON);
    const { loadSchedules } = await import("./queries");
    const [loaded] = await loadSchedules(db(), { id: schedule.id }, NOON, at("2027-01-31T00:00"));
    const wide = finalShifts(loaded!.engine, NOON, at("2027-01-01T00:00"));
    const from = at("2026-12-04T07:30").getTime();
    const to = at("2026-12-21T11:00").getTime();
    const strip = (shifts: ReturnType<typeof finalShifts>) => shifts.map(({ layer, personId, start, end, source }) => ({ layer, personId, start, end, source }));
    expect(strip(within(wide, from, to))).toEqual(strip(finalShifts(loaded!.engine, new Date(from), new Date(to))));
  });
});
