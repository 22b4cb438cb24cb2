// The demo organisation's on-call: team schedules for the teams with 99.9%+ services, a domain schedule
// per domain for the 99.0% ones, English bank holidays, pay rates, an opt-out, overrides, leave that
// clashes with a shift, and a swap request waiting for the demo engineer. Dates are relative to now.
// Each thing is recorded as its use case records it, by whoever would have done it: the admin set up
// schedules and pay, team leads assigned overrides, people opted out and booked their own leave.
import { DateTime } from "luxon";
import type { PersonActor } from "../../lib/auth/actor";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";
import type { DbTx } from "../../lib/db";
import type { OnCallOverrideKind } from "../../lib/generated/prisma/enums.ts";
import { shiftsClashingWith } from "../../lib/oncall/add-leave";
import { demoPeople } from "./demo-actors";
import { createHolidayCalendar, createOnCallSchedule } from "./oncall-factories";

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
  const person = await demoPeople(tx);
  const id = (email: string) => person(email).id;
  const admin = person("admin@runwell.local");
  const calendar = await createHolidayCalendar(tx, {
    slug: "england-and-wales",
    name: "England and Wales bank holidays",
    holidays: ENGLAND_BANK_HOLIDAYS.map(([date, name]) => ({ date, name })),
  }, admin);
  // Four weeks of history, so calendars and the pay report have something to show.
  const effectiveFrom = DateTime.fromJSDate(now, { zone: "Europe/London" }).startOf("week").minus({ weeks: 4 }).set({ hour: 9 }).toJSDate();
  const schedules = new Map<string, { id: string }>();
  const teamNames = { checkout: "Checkout out of hours", ledger: "Ledger out of hours", accounts: "Accounts out of hours" } as const;
  for (const [team, name] of Object.entries(teamNames)) {
    schedules.set(team, await createOnCallSchedule(tx, {
      slug: team, name, teamId: ids.teams.get(team)!, effectiveFrom, holidayCalendarId: calendar.id,
      participantIds: DEMO_ROTAS[team as keyof typeof teamNames].map(id), hasSecondary: team === "checkout",
    }, admin));
  }
  for (const [domain, name] of [["payments", "Payments domain out of hours"], ["customer", "Customer domain out of hours"]] as const) {
    schedules.set(domain, await createOnCallSchedule(tx, {
      slug: `${domain}-domain`, name, domainId: ids.domains.get(domain)!, effectiveFrom, holidayCalendarId: calendar.id, participantIds: DEMO_ROTAS[domain].map(id),
    }, admin));
  }
  // Yusuf opted out of the Accounts rota; nobody asked why.
  const optOut = { scheduleId: schedules.get("accounts")!.id, personId: id("yusuf.demir@runwell.local") };
  await tx.onCallOptOut.create({ data: optOut, select: { personId: true } });
  await recordAuditEvent(tx, person("yusuf.demir@runwell.local"), { action: "oncall-schedule.opt-out", entityType: "OnCallSchedule", entityId: optOut.scheduleId, after: { personId: optOut.personId } });

  const local = DateTime.fromJSDate(now, { zone: "Europe/London" });
  const at = (days: number, hour: number) => local.startOf("day").plus({ days }).set({ hour }).toJSDate();
  // Kenji covered an evening for Hannah last week; Grace covers a weekend night for Kenji in ten days (Hannah, the lead, assigned both).
  const hannah = person("hannah.becker@runwell.local");
  await assignOverride(tx, hannah, { scheduleId: schedules.get("ledger")!.id, personId: id("kenji.watanabe@runwell.local"), replacesPersonId: hannah.id, startsAt: at(-6, 18), endsAt: at(-5, 8), kind: "COVER" });
  await assignOverride(tx, hannah, { scheduleId: schedules.get("ledger")!.id, personId: id("grace.whitfield@runwell.local"), startsAt: at(10, 18), endsAt: at(11, 9), kind: "ASSIGNED" });
  await assignOverride(tx, person("chloe.dubois@runwell.local"), { scheduleId: schedules.get("accounts")!.id, personId: id("aisha.mensah@runwell.local"), startsAt: at(3, 17), endsAt: at(4, 9), kind: "ASSIGNED" });
  // Mateo is away for a week from tomorrow; if that overlaps his shift, the calendar flags it.
  await addLeave(tx, person("mateo.garcia@runwell.local"), { startsAt: at(1, 0), endsAt: at(8, 0), note: "Family visit" });
  await addLeave(tx, person("priya.raman@runwell.local"), { startsAt: at(20, 0), endsAt: at(27, 0), note: "" });

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
    select: { id: true, kind: true, requesterId: true, responderId: true, startsAt: true, endsAt: true, message: true },
  });
  await recordAuditEvent(tx, person("amara.okafor@runwell.local"), { action: "oncall-request.create", entityType: "OnCallRequest", entityId: cover.id, after: cover });

  for (const [team, model] of [["checkout", "STANDBY_AND_CALLOUT"], ["ledger", "STANDBY_ONLY"], ["accounts", "STANDBY_ONLY"], ["notifications", "STANDBY_ONLY"]] as const) {
    // setPayPolicy's write: the rates, in minor units.
    const rates = { model, standbyRate: 300, weekendHolidayRate: 450, calloutRate: model === "STANDBY_AND_CALLOUT" ? 5000 : 0 };
    const teamId = ids.teams.get(team)!;
    await tx.onCallPayPolicy.create({ data: { teamId, ...rates }, select: { teamId: true } });
    await recordAuditEvent(tx, admin, { action: "oncall-pay-policy.set", entityType: "OnCallPayPolicy", entityId: teamId, before: null, after: rates });
  }
}

/** assignOverride's write (lib/oncall/assign-override.ts), by the lead who assigned it. */
async function assignOverride(
  tx: DbTx,
  lead: PersonActor,
  input: { scheduleId: string; personId: string; startsAt: Date; endsAt: Date; kind: OnCallOverrideKind; replacesPersonId?: string },
) {
  const row = await tx.onCallOverride.create({
    data: { layer: "PRIMARY", replacesPersonId: null, ...input },
    select: { id: true, layer: true, personId: true, replacesPersonId: true, startsAt: true, endsAt: true, kind: true },
  });
  await recordAuditEvent(tx, lead, { action: "oncall-override.assign", entityType: "OnCallOverride", entityId: row.id, after: row });
}

/** addLeave's write (lib/oncall/add-leave.ts), by the person going away. */
async function addLeave(tx: DbTx, person: PersonActor, input: { startsAt: Date; endsAt: Date; note: string }) {
  const leave = await tx.onCallLeave.create({ data: { personId: person.id, ...input }, select: { id: true, personId: true, startsAt: true, endsAt: true, note: true } });
  const clashes = await shiftsClashingWith(tx, person.id, input.startsAt, input.endsAt);
  await recordAuditEvent(tx, person, { action: "oncall-leave.create", entityType: "OnCallLeave", entityId: leave.id, after: { ...leave, clashingShifts: clashes.length } });
}
