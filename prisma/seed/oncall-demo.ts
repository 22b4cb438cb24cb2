// The demo organisation's on-call: team schedules for the teams with 99.9%+ services, a domain schedule
// per domain for the 99.0% ones, English bank holidays, pay rates, an opt-out, overrides, leave that
// clashes with a shift, and a swap request waiting for the demo engineer. Dates are relative to now.
import { DateTime } from "luxon";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";
import type { DbTx } from "../../lib/db";
import { createHolidayCalendar, createOnCallLeave, createOnCallOverride, createOnCallSchedule, createPayPolicy } from "./oncall-factories";
import { SEED_ACTOR } from "./factories";

export const ENGLAND_BANK_HOLIDAYS = [
  ["2026-01-01", "New Year's Day"], ["2026-04-03", "Good Friday"], ["2026-04-06", "Easter Monday"], ["2026-05-04", "Early May bank holiday"],
  ["2026-05-25", "Spring bank holiday"], ["2026-08-31", "Summer bank holiday"], ["2026-12-25", "Christmas Day"], ["2026-12-28", "Boxing Day (substitute day)"],
  ["2027-01-01", "New Year's Day"], ["2027-03-26", "Good Friday"], ["2027-03-29", "Easter Monday"], ["2027-05-03", "Early May bank holiday"],
  ["2027-05-31", "Spring bank holiday"], ["2027-08-30", "Summer bank holiday"], ["2027-12-27", "Christmas Day (substitute day)"], ["2027-12-28", "Boxing Day (substitute day)"],
] as const;

/** Demo rotas by team or domain slug, in rotation order (emails). Disjoint, so nobody is double-booked. */
export const DEMO_ROTAS = {
  checkout: ["engineer@runwell.local", "amara.okafor@runwell.local", "pm@runwell.local", "tomas.silva@runwell.local", "priya.raman@runwell.local"],
  ledger: ["hannah.becker@runwell.local", "kenji.watanabe@runwell.local", "grace.whitfield@runwell.local"],
  accounts: ["chloe.dubois@runwell.local", "mateo.garcia@runwell.local", "aisha.mensah@runwell.local"],
  payments: ["lena.vogel@runwell.local", "sofia.rossi@runwell.local", "martin.osei@runwell.local"],
  customer: ["ruth.adeyemi@runwell.local", "jonas.lindqvist@runwell.local", "daniel.kim@runwell.local"],
} as const;

export async function seedDemoOnCall(tx: DbTx, ids: { teams: Map<string, string>; domains: Map<string, string> }, now = new Date()): Promise<void> {
  const people = new Map((await tx.person.findMany({ select: { id: true, email: true } })).map((person) => [person.email, person.id]));
  const id = (email: string) => {
    const personId = people.get(email);
    if (!personId) throw new Error(`Demo person ${email} was not created`);
    return personId;
  };
  const calendar = await createHolidayCalendar(tx, {
    slug: "england-and-wales",
    name: "England and Wales bank holidays",
    holidays: ENGLAND_BANK_HOLIDAYS.map(([date, name]) => ({ date, name })),
  });
  // Four weeks of history, so calendars and the pay report have something to show.
  const effectiveFrom = DateTime.fromJSDate(now, { zone: "Europe/London" }).startOf("week").minus({ weeks: 4 }).set({ hour: 9 }).toJSDate();
  const schedules = new Map<string, { id: string }>();
  const teamNames = { checkout: "Checkout out of hours", ledger: "Ledger out of hours", accounts: "Accounts out of hours" } as const;
  for (const [team, name] of Object.entries(teamNames)) {
    schedules.set(team, await createOnCallSchedule(tx, {
      slug: team, name, teamId: ids.teams.get(team)!, effectiveFrom, holidayCalendarId: calendar.id,
      participantIds: DEMO_ROTAS[team as keyof typeof teamNames].map(id), hasSecondary: team === "checkout",
    }));
  }
  for (const [domain, name] of [["payments", "Payments domain out of hours"], ["customer", "Customer domain out of hours"]] as const) {
    schedules.set(domain, await createOnCallSchedule(tx, {
      slug: `${domain}-domain`, name, domainId: ids.domains.get(domain)!, effectiveFrom, holidayCalendarId: calendar.id, participantIds: DEMO_ROTAS[domain].map(id),
    }));
  }
  // Yusuf opted out of the Accounts rota; nobody asked why.
  const optOut = { scheduleId: schedules.get("accounts")!.id, personId: id("yusuf.demir@runwell.local") };
  await tx.onCallOptOut.create({ data: optOut, select: { personId: true } });
  await recordAuditEvent(tx, SEED_ACTOR, { action: "oncall-schedule.opt-out", entityType: "OnCallSchedule", entityId: optOut.scheduleId, after: { personId: optOut.personId } });

  const local = DateTime.fromJSDate(now, { zone: "Europe/London" });
  const at = (days: number, hour: number) => local.startOf("day").plus({ days }).set({ hour }).toJSDate();
  // Kenji covered an evening for Hannah last week; Grace covers a weekend night for Kenji in ten days.
  await createOnCallOverride(tx, { scheduleId: schedules.get("ledger")!.id, personId: id("kenji.watanabe@runwell.local"), replacesPersonId: id("hannah.becker@runwell.local"), startsAt: at(-6, 18), endsAt: at(-5, 8), kind: "COVER" });
  await createOnCallOverride(tx, { scheduleId: schedules.get("ledger")!.id, personId: id("grace.whitfield@runwell.local"), startsAt: at(10, 18), endsAt: at(11, 9), kind: "ASSIGNED" });
  await createOnCallOverride(tx, { scheduleId: schedules.get("accounts")!.id, personId: id("aisha.mensah@runwell.local"), startsAt: at(3, 17), endsAt: at(4, 9), kind: "ASSIGNED" });
  // Mateo is away for a week from tomorrow; if that overlaps his shift, the calendar flags it.
  await createOnCallLeave(tx, { personId: id("mateo.garcia@runwell.local"), startsAt: at(1, 0), endsAt: at(8, 0), note: "Family visit" });
  await createOnCallLeave(tx, { personId: id("priya.raman@runwell.local"), startsAt: at(20, 0), endsAt: at(27, 0), note: "" });

  // A cover request waiting for the demo engineer: Amara asks Erin to take a weekend night of her next shift.
  const checkout = schedules.get("checkout")!;
  const weekStart = DateTime.fromJSDate(effectiveFrom, { zone: "Europe/London" });
  const week = Math.floor(local.diff(weekStart, "weeks").weeks);
  // Amara is second in the Checkout order: her next week is the first one from now with index ≡ 1 (mod 5).
  const amaraWeek = week + ((1 - (week % 5) + 5) % 5 || 5);
  const saturday = weekStart.plus({ weeks: amaraWeek, days: 5 });
  const cover = await tx.onCallRequest.create({
    data: {
      scheduleId: checkout.id, kind: "COVER", requesterId: id("amara.okafor@runwell.local"), responderId: id("engineer@runwell.local"),
      startsAt: saturday.set({ hour: 18 }).toJSDate(), endsAt: saturday.plus({ days: 1 }).set({ hour: 9 }).toJSDate(), message: "My sister's wedding; I can take one of yours in return.",
    },
    select: { id: true, requesterId: true, responderId: true, startsAt: true, endsAt: true, kind: true },
  });
  await recordAuditEvent(tx, SEED_ACTOR, { action: "oncall-request.create", entityType: "OnCallRequest", entityId: cover.id, after: cover });

  for (const [team, model] of [["checkout", "STANDBY_AND_CALLOUT"], ["ledger", "STANDBY_ONLY"], ["accounts", "STANDBY_ONLY"], ["notifications", "STANDBY_ONLY"]] as const) {
    await createPayPolicy(tx, { teamId: ids.teams.get(team)!, model, standbyRate: 300, weekendHolidayRate: 450, calloutRate: model === "STANDBY_AND_CALLOUT" ? 5000 : 0 }, SEED_ACTOR);
  }
}
