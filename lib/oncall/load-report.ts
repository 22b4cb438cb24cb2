// On-call load and pay per person per month, from final shifts. Pure: shifts, hours and rates in.
// Standby is paid for time outside working hours (working days out of hours at the standby rate,
// weekends and holidays at their own rate); callouts (out-of-hours pages, lib/incidents/paging/callouts.ts)
// are counted always and paid only under STANDBY_AND_CALLOUT, charged to the incident service's team.
import type { FinalShift } from "./shift-engine";
import { splitHours, type WorkingHours } from "./working-hours";

export type PayRates = { model: "STANDBY_ONLY" | "STANDBY_AND_CALLOUT"; currency: string; standbyRate: number; weekendHolidayRate: number; calloutRate: number };

export type ScheduleLoad = {
  scheduleName: string;
  /** The teams that pay: one for a team schedule, the domain's teams for a domain schedule (shared equally). */
  teamIds: string[];
  /** Services covered, charged per service equally within each team. */
  serviceSlugsByTeam: Record<string, string[]>;
  hours: WorkingHours;
  shifts: readonly FinalShift[];
};

export type PersonLoad = {
  personId: string;
  shifts: number;
  inHours: number;
  outOfHours: number;
  weekend: number;
  holiday: number;
  callouts: number;
  /** Minor units per currency. */
  pay: Record<string, number>;
};

/** One callout: an out-of-hours page of an incident to the person (or their acknowledging it), charged to the owning team of its service. */
export type CalloutInput = { personId: string; teamId: string; serviceSlug: string };

export type Charge = { teamId: string; serviceSlug: string | null; currency: string; amount: number };

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

export function computeLoad(
  schedules: readonly ScheduleLoad[],
  ratesByTeam: ReadonlyMap<string, PayRates>,
  range: { from: Date; to: Date },
  callouts: readonly CalloutInput[] = [],
): { people: PersonLoad[]; charges: Charge[] } {
  const people = new Map<string, PersonLoad>();
  const charges = new Map<string, Charge>();
  const charge = (teamId: string, serviceSlug: string | null, currency: string, amount: number) => {
    const key = `${teamId}|${serviceSlug ?? ""}|${currency}`;
    const entry = charges.get(key) ?? { teamId, serviceSlug, currency, amount: 0 };
    entry.amount += amount;
    charges.set(key, entry);
  };
  for (const schedule of schedules) {
    for (const shift of schedule.shifts) {
      if (shift.layer !== "PRIMARY" && shift.layer !== "SECONDARY") continue;
      const start = new Date(Math.max(shift.start.getTime(), range.from.getTime()));
      const end = new Date(Math.min(shift.end.getTime(), range.to.getTime()));
      if (start >= end) continue;
      const split = splitHours(start, end, schedule.hours);
      const load = people.get(shift.personId) ?? { personId: shift.personId, shifts: 0, inHours: 0, outOfHours: 0, weekend: 0, holiday: 0, callouts: 0, pay: {} };
      load.shifts += 1;
      load.inHours += split.inHours;
      load.outOfHours += split.outOfHours;
      load.weekend += split.weekend;
      load.holiday += split.holiday;
      people.set(shift.personId, load);
      const share = 1 / Math.max(1, schedule.teamIds.length);
      for (const teamId of schedule.teamIds) {
        const rates = ratesByTeam.get(teamId);
        if (!rates) continue;
        const amount = share * (split.outOfHours * rates.standbyRate + (split.weekend + split.holiday) * rates.weekendHolidayRate);
        load.pay[rates.currency] = (load.pay[rates.currency] ?? 0) + amount;
        const services = schedule.serviceSlugsByTeam[teamId] ?? [];
        if (services.length === 0) charge(teamId, null, rates.currency, amount);
        for (const slug of services) charge(teamId, slug, rates.currency, amount / services.length);
      }
    }
  }
  // A callout is paid at the owning team's rate under STANDBY_AND_CALLOUT (counted, unpaid, under
  // STANDBY_ONLY), to whoever was called out, on the rota or not (a team lead, the acknowledger).
  for (const callout of callouts) {
    const load = people.get(callout.personId) ?? { personId: callout.personId, shifts: 0, inHours: 0, outOfHours: 0, weekend: 0, holiday: 0, callouts: 0, pay: {} };
    load.callouts += 1;
    people.set(callout.personId, load);
    const rates = ratesByTeam.get(callout.teamId);
    if (!rates || rates.model !== "STANDBY_AND_CALLOUT") continue;
    load.pay[rates.currency] = (load.pay[rates.currency] ?? 0) + rates.calloutRate;
    charge(callout.teamId, callout.serviceSlug, rates.currency, rates.calloutRate);
  }
  const rounded = [...people.values()].map((load) => ({
    ...load,
    inHours: round2(load.inHours), outOfHours: round2(load.outOfHours), weekend: round2(load.weekend), holiday: round2(load.holiday),
    pay: Object.fromEntries(Object.entries(load.pay).map(([currency, amount]) => [currency, Math.round(amount)])),
  }));
  return { people: rounded, charges: [...charges.values()].map((entry) => ({ ...entry, amount: Math.round(entry.amount) })) };
}

/** Fairness: the spread of out-of-hours load (out of hours + weekend + holiday) across a team's people. */
export function fairness(loads: readonly PersonLoad[]): { min: number; max: number; mean: number; spreadPercent: number } {
  if (loads.length === 0) return { min: 0, max: 0, mean: 0, spreadPercent: 0 };
  const values = loads.map((load) => load.outOfHours + load.weekend + load.holiday);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { min: round2(min), max: round2(max), mean: round2(mean), spreadPercent: mean ? Math.round(((max - min) / mean) * 100) : 0 };
}

const csvCell = (value: string | number) => (typeof value === "number" ? String(value) : /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function loadCsv(rows: readonly (PersonLoad & { name: string; email: string; month: string })[]): string {
  const header = ["month", "name", "email", "shifts", "in_hours_h", "out_of_hours_h", "weekend_h", "holiday_h", "callouts", "pay_minor_units", "currency"];
  const lines = rows.flatMap((row) => {
    const pays = Object.entries(row.pay);
    return (pays.length ? pays : [["", 0] as [string, number]]).map(([currency, amount]) =>
      [row.month, row.name, row.email, row.shifts, row.inHours, row.outOfHours, row.weekend, row.holiday, row.callouts, amount, currency].map(csvCell).join(","),
    );
  });
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
