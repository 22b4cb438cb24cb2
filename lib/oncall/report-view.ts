// The monthly on-call load and pay report: final shifts of every schedule, classified and priced.
import { DateTime } from "luxon";
import { onCallLevel } from "../catalog/availability";
import type { DbTx } from "../db";
import { computeLoad, fairness, type PayRates, type PersonLoad, type ScheduleLoad } from "./load-report";
import { listPayPolicies, loadSchedules, peopleByIds, scheduleOwnerFacts, servicesByTeam } from "./queries";
import { organisationMoneyUnit } from "../settings/queries";
import { finalShifts } from "./shift-engine";

/** Months are calendar months in UTC, so every schedule's report covers the same instants. */
export function monthRange(month: string): { month: string; from: Date; to: Date } {
  const parsed = DateTime.fromFormat(month, "yyyy-MM", { zone: "utc" });
  const start = (parsed.isValid ? parsed : DateTime.utc()).startOf("month");
  return { month: start.toFormat("yyyy-MM"), from: start.toJSDate(), to: start.plus({ months: 1 }).toJSDate() };
}

export async function loadReport(tx: DbTx, month: string) {
  const range = monthRange(month);
  // Independent reads in parallel rounds (the page's time was mostly round trips one after another).
  // Archived schedules too: their shifts in the month were stood and are paid.
  const [schedules, services, unit] = await Promise.all([
    loadSchedules(tx, {}, range.from, range.to, { includeArchived: true }),
    servicesByTeam(tx),
    organisationMoneyUnit(tx),
  ]);
  const shiftsOf = schedules.map((schedule) => finalShifts(schedule.engine, range.from, range.to));
  const [ownerFacts, policies, refs] = await Promise.all([
    Promise.all(schedules.map((schedule) => scheduleOwnerFacts(tx, schedule))),
    listPayPolicies(tx, unit.code),
    peopleByIds(tx, [...new Set(shiftsOf.flat().map((shift) => shift.personId))]),
  ]);
  const inputs: (ScheduleLoad & { slug: string })[] = [];
  for (const [index, schedule] of schedules.entries()) {
    const facts = ownerFacts[index]!;
    // A team schedule is charged to its services of 99.9%+; a domain schedule to the domain's 99.0% services.
    const level = schedule.kind === "TEAM" ? "TEAM" : "DOMAIN";
    const serviceSlugsByTeam: Record<string, string[]> = {};
    for (const teamId of facts.teamIds) {
      serviceSlugsByTeam[teamId] = services.filter((service) => service.teamId === teamId && onCallLevel(service.availabilityTarget).level === level).map((service) => service.slug);
    }
    inputs.push({ slug: schedule.slug, scheduleName: schedule.name, teamIds: facts.teamIds, serviceSlugsByTeam, hours: schedule.hours, shifts: shiftsOf[index]! });
  }
  const rates = new Map<string, PayRates>(policies.map((policy) => [policy.teamId, policy]));
  const { people, charges } = computeLoad(inputs, rates, range);
  const rows = people
    .map((load) => ({ ...load, name: refs.get(load.personId)?.name ?? "Unknown", email: refs.get(load.personId)?.email ?? "", month: range.month }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const teamNames = new Map(services.map((service) => [service.teamId, service.team.name]));
  for (const policy of policies) teamNames.set(policy.teamId, policy.team.name);
  // Fairness per schedule: the people who stood on it this month.
  const fairnessRows = inputs.map((input) => {
    const ids = new Set(input.shifts.map((shift) => shift.personId));
    const loads: PersonLoad[] = people.filter((load) => ids.has(load.personId));
    return { schedule: input.scheduleName, slug: input.slug, people: loads.length, ...fairness(loads) };
  });
  return {
    ...range,
    rows,
    charges: charges.map((entry) => ({ ...entry, teamName: teamNames.get(entry.teamId) ?? entry.teamId })).sort((a, b) => a.teamName.localeCompare(b.teamName)),
    fairness: fairnessRows,
    policies,
    /** The currency of every amount above. */
    unit,
  };
}
