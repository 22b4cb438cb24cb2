// The schedule page's calendar, read from the real database: working hours left to the team, public
// holidays of the schedule's calendar marked, and leave painted on the days it falls.
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { createDomain, createPerson, createTeam } from "../../prisma/seed/factories";
import { createHolidayCalendar, createOnCallSchedule } from "../../prisma/seed/oncall-factories";
import { actorFor, testDb } from "../../test/helpers";
import { addLeave } from "./add-leave";
import { clearScheduleViewCache, scheduleView } from "./views";

const zone = "Europe/London";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const NOW = at("2026-12-02T12:00");
let slug: string;
let people: Awaited<ReturnType<typeof createPerson>>[];

beforeAll(async () => {
  const db = testDb();
  const team = await createTeam(db, { domainId: (await createDomain(db)).id });
  people = [];
  for (let i = 0; i < 3; i += 1) people.push(await createPerson(db, { teams: [{ teamId: team.id }] }));
  const holidays = await createHolidayCalendar(db, { holidays: [{ date: "2026-12-25", name: "Christmas Day" }] });
  // Weekly handoffs on Mondays 09:00: people[0] from 30 Nov, people[1] from 7 Dec, people[2] from 14 Dec …
  ({ slug } = await createOnCallSchedule(db, { teamId: team.id, participantIds: people.map((p) => p.id), effectiveFrom: at("2026-11-30T09:00"), holidayCalendarId: holidays.id }));
  // people[1] is away Thursday 10 and Friday 11 December, in the middle of their week.
  await addLeave(db, actorFor(people[1]!), { startsAt: "2026-12-10T00:00", endsAt: "2026-12-12T00:00", timeZone: zone }, NOW);
  clearScheduleViewCache();
});

describe("the schedule's month calendar", () => {
  it("paints evenings and nights on working days, whole weekends and holidays, and leave where it falls", async () => {
    const view = (await scheduleView(testDb(), slug, "month", "2026-12-01", NOW))!;
    const spans = (day: string) => view.days.get(day)!.map((segment) => `${segment.from}–${segment.to}`);
    expect(spans("2026-12-03")).toEqual(["00:00–09:00", "17:00–24:00"]);
    expect(spans("2026-12-05")).toEqual(["00:00–24:00"]);
    expect(view.dayKinds.get("2026-12-25")).toBe("HOLIDAY");
    expect(spans("2026-12-25")).toEqual(["00:00–24:00"]);
    expect(view.dayKinds.get("2026-12-24")).toBe("WORKDAY");

    const leaveDays = [...view.days].filter(([, segments]) => segments.some((segment) => segment.onLeave)).map(([day]) => day);
    expect(leaveDays).toEqual(["2026-12-10", "2026-12-11"]);
    const listed = view.leave.map((entry) => [entry.startsAt.toISOString(), entry.endsAt.toISOString()]);
    expect(listed).toEqual([[at("2026-12-10T00:00").toISOString(), at("2026-12-12T00:00").toISOString()]]);
  });
});
