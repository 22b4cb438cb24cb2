import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeLoad, fairness, loadCsv, type PayRates, type ScheduleLoad } from "./load-report";
import type { FinalShift } from "./shift-engine";

const zone = "Europe/London";
const at = (iso: string) => DateTime.fromISO(iso, { zone }).toJSDate();
const shift = (personId: string, start: string, end: string): FinalShift => ({
  layer: "PRIMARY", personId, start: at(start), end: at(end), source: "ROTATION", overrideId: null, overrideKind: null, rotationPersonId: personId, leaveIds: [],
});
const hours = { timeZone: zone, workdayStartMinute: 540, workdayEndMinute: 1020, workingDays: [1, 2, 3, 4, 5], holidays: new Set(["2026-12-25"]) };
const rates: PayRates = { model: "STANDBY_ONLY", currency: "GBP", standbyRate: 300, weekendHolidayRate: 450, calloutRate: 0 };
const december = { from: at("2026-12-01T00:00"), to: at("2027-01-01T00:00") };

describe("computeLoad", () => {
  const schedule: ScheduleLoad = {
    scheduleName: "Checkout", teamIds: ["t1"], serviceSlugsByTeam: { t1: ["a", "b"] }, hours,
    shifts: [shift("ana", "2026-11-30T09:00", "2026-12-07T09:00"), shift("ben", "2026-12-21T09:00", "2026-12-28T09:00")],
  };

  it.each([
    // person, shifts, in, out, weekend, holiday, pay (pence)
    // Ana's shift starts on 30 November: only its December part counts.
    ["ana", 1, 32, 73, 48, 0, 73 * 300 + 48 * 450],
    // Ben's week holds Christmas Day (Friday): 8 working hours fewer, a 24-hour holiday.
    ["ben", 1, 32, 64, 48, 24, 64 * 300 + 72 * 450],
  ])("%s: %i shift(s), %d h in, %d h out, %d h weekend, %d h holiday, pay %d", (personId, shifts, inHours, outOfHours, weekend, holiday, pay) => {
    const { people } = computeLoad([schedule], new Map([["t1", rates]]), december);
    expect(people.find((load) => load.personId === personId)).toMatchObject({ shifts, inHours, outOfHours, weekend, holiday, pay: { GBP: pay } });
  });

  it("clips shifts to the month and charges the team per service", () => {
    const { people, charges } = computeLoad([{ ...schedule, shifts: [shift("ana", "2026-11-30T09:00", "2026-12-01T09:00")] }], new Map([["t1", rates]]), december);
    expect(people[0]).toMatchObject({ outOfHours: 9, inHours: 0 });
    expect(charges).toEqual([
      { teamId: "t1", serviceSlug: "a", currency: "GBP", amount: 1350 },
      { teamId: "t1", serviceSlug: "b", currency: "GBP", amount: 1350 },
    ]);
  });

  it("shares a domain schedule's cost between the domain's teams", () => {
    const { charges } = computeLoad([{ ...schedule, teamIds: ["t1", "t2"], serviceSlugsByTeam: {}, shifts: [shift("ana", "2026-12-05T00:00", "2026-12-06T00:00")] }], new Map([["t1", rates], ["t2", rates]]), december);
    expect(charges.map((entry) => entry.amount)).toEqual([24 * 450 / 2, 24 * 450 / 2]);
  });

  it.each([
    // model, callouts (person → team/service), → callouts and pay per person, charges per (team, service)
    ["STANDBY_AND_CALLOUT", [["ana", "t1", "a"], ["ana", "t1", "b"], ["cid", "t1", "a"]], { ana: [2, 2 * 5000], cid: [1, 5000] }, { "t1|a": 2 * 5000, "t1|b": 5000 }],
    ["STANDBY_ONLY", [["ana", "t1", "a"], ["cid", "t1", "a"]], { ana: [1, 0], cid: [1, 0] }, {}],
  ] as const)("%s: counts callouts per person and pays them at the owning team's rate", (model, callouts, byPerson, byCharge) => {
    const calloutRates: PayRates = { ...rates, model, calloutRate: 5000 };
    // No shifts: only the callouts are priced (Cid, a team lead, is on no rota and is still called out).
    const { people, charges } = computeLoad([{ ...schedule, shifts: [] }], new Map([["t1", calloutRates]]), december, callouts.map(([personId, teamId, serviceSlug]) => ({ personId, teamId, serviceSlug })));
    for (const [personId, [count, pay]] of Object.entries(byPerson)) {
      expect(people.find((load) => load.personId === personId)).toMatchObject({ callouts: count, shifts: 0, pay: pay ? { GBP: pay } : {} });
    }
    expect(Object.fromEntries(charges.map((entry) => [`${entry.teamId}|${entry.serviceSlug}`, entry.amount]))).toEqual(byCharge);
  });
});

describe("fairness and CSV", () => {
  it("reports the spread of out-of-hours load", () => {
    const load = (personId: string, outOfHours: number) => ({ personId, shifts: 1, inHours: 0, outOfHours, weekend: 0, holiday: 0, callouts: 0, pay: {} });
    expect(fairness([load("a", 100), load("b", 50), load("c", 150)])).toEqual({ min: 50, max: 150, mean: 100, spreadPercent: 100 });
    expect(fairness([])).toEqual({ min: 0, max: 0, mean: 0, spreadPercent: 0 });
  });

  it("writes RFC 4180 CSV with quoted names", () => {
    const csv = loadCsv([{ month: "2026-12", name: "Okafor, Amara", email: "a@x.test", personId: "a", shifts: 1, inHours: 40, outOfHours: 80, weekend: 48, holiday: 0, callouts: 0, pay: { GBP: 45600 } }]);
    expect(csv.split("\r\n")[1]).toBe('2026-12,"Okafor, Amara",a@x.test,1,40,80,48,0,0,45600,GBP');
  });
});
