// Editing and archiving schedules, cancelling overrides and keeping holiday calendars, against the run's
// real PostgreSQL: authorisation refusals, field errors that write nothing, audit rows, and the effect
// on shifts and who is on call.
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { createDomain, createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createOnCallSchedule } from "../../prisma/seed/oncall-factories";
import { actorFor, adminActor, personActor, testDb } from "../../test/helpers";
import { AppError } from "../errors";
import { archiveSchedule } from "./archive-schedule";
import { assignOverride } from "./assign-override";
import { cancelOverride } from "./cancel-override";
import { createSchedule } from "./create-schedule";
import { editRotation } from "./edit-rotation";
import { getOnCallNow } from "./get-oncall-now";
import { addHoliday, createHolidayCalendar, importHolidays, removeHoliday, renameHolidayCalendar } from "./holiday-calendars";
import { loadSchedules } from "./queries";
import { requestCover } from "./request-cover";
import { requestSwap } from "./request-swap";
import { respondToRequest } from "./respond-to-request";
import { finalShifts, shiftAt } from "./shift-engine";
import { updateSchedule } from "./update-schedule";

const db = testDb;
const zone = "Europe/London";
// Wednesday noon; weekly Monday 09:00 handoffs from 16 Nov: ana, ben, cy, dee → cy holds 30 Nov–7 Dec.
const NOW = DateTime.fromISO("2026-12-02T12:00", { zone }).toJSDate();
const at = (iso: string, z = zone) => DateTime.fromISO(iso, { zone: z }).toJSDate();
const iso = (value: string) => at(value).toISOString();

type P = Awaited<ReturnType<typeof createPerson>>;
let team: { id: string };
let people: P[];
let lead: P;
let outsider: P;
let schedule: { id: string; slug: string };
const [ANA, BEN, CY, DEE] = [0, 1, 2, 3];
const actor = (index: number) => actorFor(people[index]!);

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const settings = (extra: Record<string, unknown> = {}) => ({
  name: "Payments out of hours",
  timeZone: zone,
  workdayStart: "09:00",
  workdayEnd: "17:00",
  workingDays: [1, 2, 3, 4, 5],
  holidayCalendarId: "",
  hasSecondary: false,
  rotationDays: 7,
  handoffWeekday: 1,
  handoffTime: "09:00",
  effectiveFrom: "",
  ...extra,
});

async function load(id: string, from: Date, to: Date) {
  return (await loadSchedules(db(), { id }, from, to, { includeArchived: true }))[0]!;
}

beforeAll(async () => {
  const domain = await createDomain(db());
  team = await createTeam(db(), { domainId: domain.id });
  people = [];
  for (let i = 0; i < 5; i += 1) people.push(await createPerson(db(), { teams: [{ teamId: team.id }] }));
  lead = await createPerson(db(), { teams: [{ teamId: team.id, isLead: true }] });
  outsider = await createPerson(db(), { teams: [{ teamId: (await createTeam(db())).id }] });
  schedule = await createOnCallSchedule(db(), { teamId: team.id, participantIds: people.slice(0, 4).map((p) => p.id), effectiveFrom: at("2026-11-16T09:00") });
});

describe("editing a schedule's settings", () => {
  it("refuses someone outside the owning team, writing nothing", async () => {
    const error = await rejection(updateSchedule(db(), actorFor(outsider), schedule.id, settings({ name: "Hijacked" }), NOW));
    expect(error.code).toBe("FORBIDDEN");
    expect((await db().onCallSchedule.findUniqueOrThrow({ where: { id: schedule.id } })).name).not.toBe("Hijacked");
  });

  it.each([
    [{ name: "x" }, "name"],
    [{ timeZone: "Mars/Olympus" }, "timeZone"],
    [{ workdayStart: "17:00", workdayEnd: "09:00" }, "workdayEnd"],
    [{ workingDays: [] }, "workingDays"],
    [{ rotationDays: 0 }, "rotationDays"],
    [{ handoffTime: "25:00" }, "handoffTime"],
    [{ holidayCalendarId: "no-such-calendar" }, "holidayCalendarId"],
    [{ rotationDays: 14, effectiveFrom: "2026-11-20T09:00" }, "effectiveFrom"],
  ])("field error for %j writes nothing", async (change, field) => {
    const versions = await db().onCallRotation.count({ where: { scheduleId: schedule.id } });
    const events = await db().auditEvent.count({ where: { entityId: schedule.id } });
    const error = await rejection(updateSchedule(db(), actor(ANA), schedule.id, settings(change), NOW));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors)).toEqual([field]);
    expect(await db().onCallRotation.count({ where: { scheduleId: schedule.id } })).toBe(versions);
    expect(await db().auditEvent.count({ where: { entityId: schedule.id } })).toBe(events);
  });

  it("a zone and handoff change from a date leaves past shifts alone and keeps today's person on call", async () => {
    const from = at("2026-11-16T09:00");
    const to = at("2026-12-31T00:00");
    const before = finalShifts((await load(schedule.id, from, to)).engine, from, to);
    const calendar = await createHolidayCalendar(db(), adminActor(), { name: "England and Wales", slug: "england-and-wales-settings" });
    const result = await updateSchedule(
      db(),
      actor(ANA),
      schedule.id,
      // New York 04:00 on Friday = 09:00 London: the change lands mid-shift, two days from now.
      settings({ name: "Payments OOH", timeZone: "America/New_York", handoffWeekday: 5, handoffTime: "12:00", effectiveFrom: "2026-12-04T04:00", holidayCalendarId: calendar.id, workingDays: ["1", "2", "3", "4"] }),
      NOW,
    );
    expect(result.rotationChangedFrom).toEqual(at("2026-12-04T09:00"));
    const after = await load(schedule.id, from, to);
    expect(after).toMatchObject({ name: "Payments OOH", holidayCalendarId: calendar.id, workingDays: [1, 2, 3, 4] });
    expect(after.engine.rotations.map((version) => version.timeZone)).toEqual([zone, "America/New_York"]);
    const shifts = finalShifts(after.engine, from, to);
    // Past and present shifts are exactly what they were.
    expect(shifts.filter((shift) => shift.end <= NOW).map((s) => [s.start.getTime(), s.end.getTime(), s.personId])).toEqual(
      before.filter((shift) => shift.end <= NOW).map((s) => [s.start.getTime(), s.end.getTime(), s.personId]),
    );
    // Cy (on call from 30 Nov) stays on call across the change until Friday 12:00 New York, then Dee.
    const current = shiftAt(shifts, "PRIMARY", at("2026-12-04T10:00"));
    expect(current.current?.personId).toBe(people[CY]!.id);
    expect(DateTime.fromJSDate(current.next!.start, { zone: "America/New_York" }).toFormat("ccc yyyy-MM-dd HH:mm")).toBe("Fri 2026-12-04 12:00");
    expect(current.next?.personId).toBe(people[DEE]!.id);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: schedule.id, action: "oncall-schedule.update" } });
    expect(event.before).toMatchObject({ name: "Out-of-hours rota", timeZone: zone });
    expect(event.after).toMatchObject({ name: "Payments OOH", timeZone: "America/New_York", handoffWeekday: 5 });
  });

  it("a name-only change starts no new rotation version", async () => {
    const versions = await db().onCallRotation.count({ where: { scheduleId: schedule.id } });
    const current = await load(schedule.id, NOW, NOW);
    await updateSchedule(db(), actorFor(lead), schedule.id, settings({
      name: "Payments on call", timeZone: "America/New_York", handoffWeekday: 5, handoffTime: "12:00", holidayCalendarId: current.holidayCalendarId ?? "", workingDays: [1, 2, 3, 4],
    }), NOW);
    expect(await db().onCallRotation.count({ where: { scheduleId: schedule.id } })).toBe(versions);
  });
});

describe("secondary layer as its own rotation", () => {
  it("refuses a secondary rotation while the schedule has no secondary layer", async () => {
    const error = await rejection(editRotation(db(), actorFor(lead), schedule.id, {
      rotationDays: 7, handoffWeekday: 5, handoffTime: "12:00", participantIds: people.slice(0, 4).map((p) => p.id), secondaryIds: [people[4]!.id, lead.id],
    }, NOW));
    expect(Object.keys(error.fieldErrors)).toEqual(["secondaryIds"]);
  });

  it("turning the layer on and giving it its own people shows them in who is on call", async () => {
    const current = await load(schedule.id, NOW, NOW);
    await updateSchedule(db(), actorFor(lead), schedule.id, settings({
      name: current.name, timeZone: "America/New_York", handoffWeekday: 5, handoffTime: "12:00", holidayCalendarId: current.holidayCalendarId ?? "", workingDays: [1, 2, 3, 4], hasSecondary: true,
    }), NOW);
    await editRotation(db(), actorFor(lead), schedule.id, {
      rotationDays: 7, handoffWeekday: 5, handoffTime: "12:00", participantIds: people.slice(0, 4).map((p) => p.id), secondaryIds: [people[4]!.id, lead.id],
    }, NOW);
    const service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    // The schedule is in New York now: 20:00 there is out of hours. The rotation edit restarted the order
    // from now (Ana), with Fri 12:00 handoffs: Ana to 4 Dec, Ben 4–11 Dec, Cy 11–18 Dec, Dee 18–25 Dec.
    const evening = at("2026-12-02T20:00", "America/New_York");
    const [answer] = await getOnCallNow(db(), { slug: service.slug }, evening);
    expect(answer).toMatchObject({ cover: "out_of_hours_team", primary: { id: people[ANA]!.id }, secondary: { id: people[4]!.id } });
    const nextWeek = at("2026-12-09T20:00", "America/New_York");
    const [later] = await getOnCallNow(db(), { slug: service.slug }, nextWeek);
    expect(later).toMatchObject({ primary: { id: people[BEN]!.id }, secondary: { id: lead.id } });
  });
});

describe("cancelling an override", () => {
  it("the covering person, the covered person, a team lead or an admin may; others may not", async () => {
    const assign = (startsAt: string, endsAt: string) => assignOverride(db(), adminActor(), { scheduleId: schedule.id, personId: people[DEE]!.id, startsAt, endsAt }, NOW);
    const ranges = ["2026-12-20", "2026-12-21", "2026-12-22", "2026-12-23"].map((day) => [`${day}T18:00`, `${day}T23:00`] as const);
    const overrides = [];
    for (const [s, e] of ranges) overrides.push(await assign(iso(s), iso(e)));
    const row = await db().onCallOverride.findUniqueOrThrow({ where: { id: overrides[0]!.id } });
    const covered = people.findIndex((p) => p.id === row.replacesPersonId);
    await expect(cancelOverride(db(), actorFor(outsider), overrides[0]!.id, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const bystander = [ANA, BEN, CY].find((index) => index !== covered)!;
    await expect(cancelOverride(db(), actor(bystander), overrides[0]!.id, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await cancelOverride(db(), actor(DEE), overrides[0]!.id, NOW)).toEqual({ cancelled: 1, ended: 0 });
    await cancelOverride(db(), actor(covered), overrides[1]!.id, NOW);
    await cancelOverride(db(), actorFor(lead), overrides[2]!.id, NOW);
    await cancelOverride(db(), personActor({ role: "ADMIN" }), overrides[3]!.id, NOW);
    const rows = await db().onCallOverride.findMany({ where: { id: { in: overrides.map((o) => o.id) } } });
    expect(rows.every((o) => o.cancelledAt?.getTime() === NOW.getTime())).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "oncall-override.cancel", entityId: { in: overrides.map((o) => o.id) } } })).toBe(4);
    await expect(cancelOverride(db(), actor(DEE), overrides[0]!.id, NOW)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a live override ends now instead of vanishing; who is on call goes back to the rotation", async () => {
    const taken = await assignOverride(db(), adminActor(), { scheduleId: schedule.id, personId: people[BEN]!.id, startsAt: iso("2026-12-02T11:00"), endsAt: iso("2026-12-03T09:00") }, at("2026-12-02T10:00"));
    const service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
    const evening = at("2026-12-02T20:00");
    expect((await getOnCallNow(db(), { slug: service.slug }, evening))[0]).toMatchObject({ primary: { id: people[BEN]!.id } });
    expect(await cancelOverride(db(), actor(BEN), taken.id, evening)).toEqual({ cancelled: 0, ended: 1 });
    const row = await db().onCallOverride.findUniqueOrThrow({ where: { id: taken.id } });
    expect(row).toMatchObject({ cancelledAt: null, endsAt: evening, startsAt: at("2026-12-02T11:00") });
    expect((await getOnCallNow(db(), { slug: service.slug }, new Date(evening.getTime() + 1000)))[0]).toMatchObject({ primary: { id: people[ANA]!.id } });
  });

  it("cancelling one half of a swap cancels both", async () => {
    // Ben holds 4–11 Dec (Fri 12:00 New York handoffs), Cy 11–18 Dec.
    const request = await requestSwap(db(), actor(BEN), {
      scheduleId: schedule.id, responderId: people[CY]!.id,
      startsAt: iso("2026-12-05T18:00"), endsAt: iso("2026-12-06T09:00"),
      swapStartsAt: iso("2026-12-12T18:00"), swapEndsAt: iso("2026-12-13T09:00"),
    }, NOW);
    await respondToRequest(db(), actor(CY), request.id, "ACCEPT", NOW);
    const halves = await db().onCallOverride.findMany({ where: { requestId: request.id } });
    expect(halves).toHaveLength(2);
    expect(await cancelOverride(db(), actor(CY), halves[0]!.id, NOW)).toEqual({ cancelled: 2, ended: 0 });
    expect(await db().onCallOverride.count({ where: { requestId: request.id, cancelledAt: null } })).toBe(0);
  });
});

describe("requests for a custom range", () => {
  it("covers a few hours inside a shift, and refuses a range the requester is not on call for", async () => {
    // Ana holds until Fri 4 Dec 12:00 New York; ask Dee for four evening hours on the 3rd only.
    const request = await requestCover(db(), actor(ANA), { scheduleId: schedule.id, responderId: people[DEE]!.id, startsAt: "2026-12-03T14:00", endsAt: "2026-12-03T18:00" }, NOW);
    const row = await db().onCallRequest.findUniqueOrThrow({ where: { id: request.id } });
    // Wall-clock times in the schedule's zone (New York now).
    expect([row.startsAt, row.endsAt]).toEqual([at("2026-12-03T14:00", "America/New_York"), at("2026-12-03T18:00", "America/New_York")]);
    const error = await rejection(requestCover(db(), actor(ANA), { scheduleId: schedule.id, responderId: people[DEE]!.id, startsAt: "2026-12-15T14:00", endsAt: "2026-12-15T18:00" }, NOW));
    expect(error.fieldErrors.startsAt).toEqual(["You are not on call for this schedule in that range."]);
    // Across Ana's handoff to Ben (Fri 4 Dec 12:00 New York): part of it is Ben's time.
    const across = await rejection(requestCover(db(), actor(ANA), { scheduleId: schedule.id, responderId: people[DEE]!.id, startsAt: "2026-12-04T10:00", endsAt: "2026-12-04T14:00" }, NOW));
    expect(across.fieldErrors.startsAt?.[0]).toMatch(/Part of that range is not your shift/);
    const backwards = await rejection(requestCover(db(), actor(ANA), { scheduleId: schedule.id, responderId: people[DEE]!.id, startsAt: "2026-12-03T18:00", endsAt: "2026-12-03T14:00" }, NOW));
    expect(backwards.fieldErrors.endsAt).toEqual(["The end must be after the start."]);
    expect(await db().onCallRequest.count({ where: { scheduleId: schedule.id, requesterId: people[ANA]!.id } })).toBe(1);
  });
});

describe("archiving a schedule", () => {
  it("refuses while services rely on it, then archives with confirmation; a new schedule can take its place", async () => {
    await expect(archiveSchedule(db(), actorFor(outsider), schedule.id, {}, NOW)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const error = await rejection(archiveSchedule(db(), actor(ANA), schedule.id, {}, NOW));
    expect(error.fieldErrors.confirmUncovered?.[0]).toMatch(/services? rely on this schedule for out-of-hours cover/);
    expect((await db().onCallSchedule.findUniqueOrThrow({ where: { id: schedule.id } })).archivedAt).toBeNull();
    const pending = await db().onCallRequest.findFirstOrThrow({ where: { scheduleId: schedule.id, status: "PENDING" } });
    const result = await archiveSchedule(db(), actor(ANA), schedule.id, { confirmUncovered: "on" }, NOW);
    expect(result.uncovered.length).toBeGreaterThan(0);
    expect((await db().onCallRequest.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("CANCELLED");
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: schedule.id, action: "oncall-schedule.archive" } });
    expect(event.after).toMatchObject({ uncoveredServices: result.uncovered, cancelledRequests: 1 });
    const evening = at("2026-12-02T20:00", "America/New_York");
    const answers = await getOnCallNow(db(), {}, evening);
    expect(answers.filter((answer) => result.uncovered.includes(answer.service)).every((answer) => answer.cover === "none")).toBe(true);
    await expect(updateSchedule(db(), actor(ANA), schedule.id, settings(), NOW)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const replacement = await createSchedule(db(), actor(ANA), {
      ...settings({ name: "Payments OOH v2" }), slug: "payments-ooh-v2", kind: "TEAM", ownerId: team.id, participantIds: people.slice(0, 3).map((p) => p.id),
    }, NOW);
    expect(replacement.slug).toBe("payments-ooh-v2");
    const dup = await rejection(createSchedule(db(), actor(ANA), {
      ...settings({ name: "Payments OOH v3" }), slug: "payments-ooh-v3", kind: "TEAM", ownerId: team.id, participantIds: people.slice(0, 3).map((p) => p.id),
    }, NOW));
    expect(dup.code).toBe("CONFLICT");
  });
});

describe("holiday calendars", () => {
  it("admins and team leads keep calendars; other engineers may not", async () => {
    await expect(createHolidayCalendar(db(), actor(ANA), { name: "Scotland", slug: "scotland" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const calendar = await createHolidayCalendar(db(), actorFor(lead), { name: "Scotland", slug: "scotland" });
    await expect(addHoliday(db(), actor(ANA), calendar.id, { date: "2026-11-30", name: "St Andrew's Day" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const holiday = await addHoliday(db(), actorFor(lead), calendar.id, { date: "2026-11-30", name: "St Andrew's Day" });
    // Assigned to a schedule, the holiday counts as out of hours there.
    const other = await createOnCallSchedule(db(), { teamId: (await createTeam(db())).id, participantIds: people.slice(0, 3).map((p) => p.id), holidayCalendarId: calendar.id });
    const loaded = await load(other.id, NOW, NOW);
    expect([...loaded.hours.holidays]).toEqual(["2026-11-30"]);
    expect(loaded.holidayCalendarName).toBe("Scotland");
    await renameHolidayCalendar(db(), adminActor(), calendar.id, { name: "Scotland (bank holidays)", slug: "scotland" });
    await expect(removeHoliday(db(), actor(ANA), holiday.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removeHoliday(db(), adminActor(), holiday.id);
    expect(await db().holiday.count({ where: { calendarId: calendar.id } })).toBe(0);
    const actions = (await db().auditEvent.findMany({ where: { entityId: { in: [calendar.id, holiday.id] } }, orderBy: { occurredAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["holiday-calendar.create", "holiday.create", "holiday-calendar.update", "holiday.delete"]);
  });

  it.each([
    [{ date: "2026-13-01", name: "Nope" }, "date"],
    [{ date: "30/11/2026", name: "Nope" }, "date"],
    [{ date: "2026-12-25", name: " " }, "name"],
  ])("field error for %j writes nothing", async (input, field) => {
    const calendar = await db().holidayCalendar.findUniqueOrThrow({ where: { slug: "scotland" } });
    const error = await rejection(addHoliday(db(), adminActor(), calendar.id, input));
    expect(Object.keys(error.fieldErrors)).toEqual([field]);
    expect(await db().holiday.count({ where: { calendarId: calendar.id } })).toBe(0);
  });

  it("refuses a duplicate date and a taken slug with field errors", async () => {
    const calendar = await db().holidayCalendar.findUniqueOrThrow({ where: { slug: "scotland" } });
    await addHoliday(db(), adminActor(), calendar.id, { date: "2027-01-02", name: "2nd January" });
    const dup = await rejection(addHoliday(db(), adminActor(), calendar.id, { date: "2027-01-02", name: "Again" }));
    expect(dup.fieldErrors.date?.[0]).toMatch(/already a holiday here \(2nd January\)/);
    const taken = await rejection(createHolidayCalendar(db(), adminActor(), { name: "Another", slug: "scotland" }));
    expect(taken.fieldErrors.slug).toBeTruthy();
  });

  it("imports an .ics of public holidays, skipping dates it already has, and refuses a bad file", async () => {
    const calendar = await db().holidayCalendar.findUniqueOrThrow({ where: { slug: "scotland" } });
    const ics = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN",
      "BEGIN:VEVENT", "UID:1", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20270101", "SUMMARY:New Year's Day", "END:VEVENT",
      "BEGIN:VEVENT", "UID:2", "DTSTAMP:20260101T000000Z", "DTSTART;VALUE=DATE:20270102", "SUMMARY:2nd January", "END:VEVENT",
      "END:VCALENDAR",
    ].join("\r\n");
    expect(await importHolidays(db(), adminActor(), calendar.id, { ics })).toEqual({ added: 1, alreadyThere: 1, skipped: 0 });
    expect(await db().auditEvent.count({ where: { entityId: calendar.id, action: "holiday-calendar.import" } })).toBe(1);
    const bad = await rejection(importHolidays(db(), adminActor(), calendar.id, { ics: "hello" }));
    expect(bad.fieldErrors.ics).toEqual(["That file is not a valid iCalendar (.ics) file."]);
    await expect(importHolidays(db(), actor(ANA), calendar.id, { ics })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
