// Reads for availability: the one place lib/reliability reads incidents' impact windows, target
// histories and budget exceptions. Two statements per call whatever the number of services: the
// windows overlapping the range (IncidentService by service, Incident by id) and the target histories.
import { preparedStatement, runPrepared, type DbTx } from "../db";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { DAY, type TargetChange } from "./availability";
import { availabilityReport, REPORTING_TIME_ZONE, weeklyAvailability, type AvailabilityIncident, type AvailabilityReport, type WeekAvailability } from "./report";
import { mergeWindows } from "./availability";
import { DateTime } from "luxon";

export type AvailabilityInputs = { incidents: (AvailabilityIncident & { lostAt: Date; regainedAt: Date | null })[]; changes: TargetChange[] };

type InputsRow = {
  windows: { s: string; id: string; n: number; t: string; l: string; r: string | null }[] | null;
  targets: { s: string; g: AvailabilityTarget; f: string }[] | null;
};

/** Postgres `timestamp` (UTC, no zone) read through json_build_object: append the zone back. */
const utc = (value: string) => new Date(value.endsWith("Z") ? value : `${value}Z`);

/**
 * Per service: incidents whose impact window overlaps [from, to], and the whole target history (a
 * handful of rows each), in one statement whose rows come back as two JSON arrays (thousands of rows
 * for a large organisation decode faster so than through the ORM's raw-row mapping). `services` with
 * their current target, which stands in for a service that has no history yet. `allServices`: read
 * every service's rows without naming them.
 */
export async function readAvailabilityInputs(
  tx: DbTx, services: { id: string; availabilityTarget: AvailabilityTarget }[], range: { from: Date; to: Date }, allServices = false,
): Promise<Map<string, AvailabilityInputs>> {
  const ids = allServices ? null : services.map((service) => service.id);
  const [row] = await runPrepared<InputsRow>(tx, preparedStatement(allServices ? "availability-inputs-all" : "availability-inputs", (p) => {
    const only = (column: string) => (ids === null ? "true" : `${column} = ANY(${p(ids)}::text[])`);
    const from = `${p(range.from.toISOString())}::timestamptz AT TIME ZONE 'UTC'`;
    const to = `${p(range.to.toISOString())}::timestamptz AT TIME ZONE 'UTC'`;
    return `
    SELECT (SELECT json_agg(json_build_object('s', si."serviceId", 'id', i.id, 'n', i.number, 't', i.title, 'l', i."availabilityLostAt", 'r', i."availabilityRegainedAt"))
              FROM "IncidentService" si JOIN "Incident" i ON i.id = si."incidentId"
             WHERE ${only(`si."serviceId"`)} AND i."availabilityLostAt" < ${to}
               AND (i."availabilityRegainedAt" IS NULL OR i."availabilityRegainedAt" > ${from})) AS windows,
           (SELECT json_agg(json_build_object('s', t."serviceId", 'g', t.target, 'f', t."effectiveFrom"))
              FROM "ServiceTargetChange" t WHERE ${only(`t."serviceId"`)}) AS targets`;
  }));
  const inputs = new Map<string, AvailabilityInputs>();
  for (const service of services) inputs.set(service.id, { incidents: [], changes: [] });
  for (const w of row?.windows ?? []) {
    inputs.get(w.s)?.incidents.push({ id: w.id, number: Number(w.n), title: w.t, lostAt: utc(w.l), regainedAt: w.r === null ? null : utc(w.r) });
  }
  for (const t of row?.targets ?? []) inputs.get(t.s)?.changes.push({ target: t.g, effectiveFrom: utc(t.f) });
  for (const service of services) {
    const input = inputs.get(service.id)!;
    // No history (made before it existed and never saved since): its current target, always.
    if (input.changes.length === 0) input.changes.push({ target: service.availabilityTarget, effectiveFrom: new Date(0) });
  }
  return inputs;
}

export type ServiceAvailabilityView = {
  service: { id: string; slug: string; name: string; teamId: string };
  /** The 28-day figures (budget, burn, policy) and the 90-day ones. */
  last28: AvailabilityReport;
  last90: AvailabilityReport;
  weeks: WeekAvailability[];
};

/** A service's availability for its page: 28 and 90 days and the last 13 calendar weeks. */
export async function serviceAvailabilityView(tx: DbTx, slug: string, now = new Date()): Promise<ServiceAvailabilityView | null> {
  const service = await tx.service.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, teamId: true, availabilityTarget: true } });
  if (!service) return null;
  const weeksFrom = DateTime.fromJSDate(now, { zone: REPORTING_TIME_ZONE }).startOf("week").minus({ weeks: 12 }).toMillis();
  const from = new Date(Math.min(weeksFrom, now.getTime() - 90 * DAY));
  const input = (await readAvailabilityInputs(tx, [service], { from, to: now })).get(service.id)!;
  const merged = mergeWindows(input.incidents, now.getTime());
  return {
    service: { id: service.id, slug: service.slug, name: service.name, teamId: service.teamId },
    last28: availabilityReport(input.incidents, input.changes, 28, now),
    last90: availabilityReport(input.incidents, input.changes, 90, now),
    weeks: weeklyAvailability(merged, input.changes, { from: weeksFrom, now: now.getTime() }),
  };
}

/** One service over `days` (the API): the service's slug and current target with the report. */
export async function serviceAvailability(tx: DbTx, slug: string, days: number, now = new Date()) {
  const service = await tx.service.findUnique({ where: { slug }, select: { id: true, slug: true, teamId: true, availabilityTarget: true } });
  if (!service) return null;
  const input = (await readAvailabilityInputs(tx, [service], { from: new Date(now.getTime() - days * DAY), to: now })).get(service.id)!;
  return { service, report: availabilityReport(input.incidents, input.changes, days, now) };
}

/** Many services at once over `days` (the product manager's card, the bench): two statements. */
export async function availabilityOfServices(
  tx: DbTx, services: { id: string; availabilityTarget: AvailabilityTarget }[], days: number, now = new Date(), allServices = false,
): Promise<Map<string, AvailabilityReport>> {
  const inputs = await readAvailabilityInputs(tx, services, { from: new Date(now.getTime() - days * DAY), to: now }, allServices);
  const reports = new Map<string, AvailabilityReport>();
  for (const [id, input] of inputs) reports.set(id, availabilityReport(input.incidents, input.changes, days, now));
  return reports;
}

export type BudgetException = { id: string; reason: string; startsAt: Date; endsAt: Date; recordedBy: string | null };

/** The exception running now, if any, and the policy setting: what the service page says of the policy. */
export async function budgetPolicyState(tx: DbTx, serviceId: string, now = new Date()): Promise<{ policyOn: boolean; exception: BudgetException | null }> {
  const [settings, exception] = await Promise.all([
    tx.organisationSettings.findUnique({ where: { id: 1 }, select: { errorBudgetPolicy: true } }),
    tx.errorBudgetException.findFirst({
      where: { serviceId, startsAt: { lte: now }, endsAt: { gt: now } },
      orderBy: { endsAt: "desc" },
      select: { id: true, reason: true, startsAt: true, endsAt: true, recordedBy: { select: { name: true } } },
    }),
  ]);
  return {
    policyOn: settings?.errorBudgetPolicy ?? false,
    exception: exception ? { id: exception.id, reason: exception.reason, startsAt: exception.startsAt, endsAt: exception.endsAt, recordedBy: exception.recordedBy?.name ?? null } : null,
  };
}

export async function errorBudgetPolicyOn(tx: DbTx): Promise<boolean> {
  return (await tx.organisationSettings.findUnique({ where: { id: 1 }, select: { errorBudgetPolicy: true } }))?.errorBudgetPolicy ?? false;
}
