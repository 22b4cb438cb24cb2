// Availability across many services at once, for the homes: the product manager's "off target /
// burning budget fast" card (their teams' services) and the change manager's view of the error-budget
// policy (which services it holds back, which run an exception). Each is one bulk read of windows
// and targets (queries.ts), then the pure report per service.
import type { DbTx } from "../db";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { budgetVerdict, BUDGET_DAYS } from "./budget-policy";
import { availabilityOfServices, errorBudgetPolicyOn } from "./queries";
import type { AvailabilityReport } from "./report";

export type FlaggedService = {
  slug: string;
  name: string;
  team: { slug: string; name: string };
  availabilityTarget: AvailabilityTarget;
  report: AvailabilityReport;
  reasons: ("FAST_BURN" | "SLOW_BURN" | "BUDGET_SPENT" | "OFF_TARGET")[];
};

const serviceSelect = { id: true, slug: true, name: true, availabilityTarget: true, team: { select: { slug: true, name: true } } } as const;

function flags(report: AvailabilityReport): FlaggedService["reasons"] {
  const reasons: FlaggedService["reasons"] = [];
  if (report.burn === "FAST") reasons.push("FAST_BURN");
  if (report.burn === "SLOW") reasons.push("SLOW_BURN");
  if (report.budgetSpent) reasons.push("BUDGET_SPENT");
  else if (!report.period.onTarget) reasons.push("OFF_TARGET");
  return reasons;
}

const rank = (service: FlaggedService) => (service.reasons.includes("FAST_BURN") ? 0 : service.reasons.includes("BUDGET_SPENT") ? 1 : 2);

/** The teams' services that are off their 28-day target or burning budget, the worst first. */
export async function flaggedServicesOfTeams(tx: DbTx, teamIds: readonly string[], now = new Date()): Promise<FlaggedService[]> {
  if (teamIds.length === 0) return [];
  const services = await tx.service.findMany({ where: { teamId: { in: [...teamIds] }, archivedAt: null }, select: serviceSelect, orderBy: { name: "asc" } });
  const reports = await availabilityOfServices(tx, services, BUDGET_DAYS, now);
  return flaggedOf(services.map((service) => ({ ...service, report: reports.get(service.id)! })));
}

/** The services off target or burning budget among those whose 28-day report is already read, the worst first. */
export function flaggedOf(services: readonly Omit<FlaggedService, "reasons">[]): FlaggedService[] {
  return services
    .map((service) => ({ slug: service.slug, name: service.name, team: service.team, availabilityTarget: service.availabilityTarget, report: service.report, reasons: flags(service.report) }))
    .filter((service) => service.reasons.length > 0)
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export type PolicyOverview = {
  policyOn: boolean;
  /** Services whose standard changes the gate denies now. */
  held: FlaggedService[];
  /** Exceptions running now, with their service. */
  exceptions: { id: string; service: { slug: string; name: string }; reason: string; endsAt: Date; recordedBy: string | null }[];
};

/** The error-budget policy across the organisation, for the change manager. */
export async function budgetPolicyOverview(tx: DbTx, now = new Date()): Promise<PolicyOverview> {
  if (!(await errorBudgetPolicyOn(tx))) return { policyOn: false, held: [], exceptions: [] };
  const [services, exceptions] = await Promise.all([
    tx.service.findMany({ where: { archivedAt: null }, select: serviceSelect }),
    tx.errorBudgetException.findMany({
      where: { startsAt: { lte: now }, endsAt: { gt: now } },
      orderBy: { endsAt: "asc" },
      select: { id: true, serviceId: true, reason: true, endsAt: true, service: { select: { slug: true, name: true } }, recordedBy: { select: { name: true } } },
    }),
  ]);
  const reports = await availabilityOfServices(tx, services, BUDGET_DAYS, now, true);
  const excepted = new Set(exceptions.map((exception) => exception.serviceId));
  const held = services
    .filter((service) => !excepted.has(service.id) && budgetVerdict({ policyOn: true, exception: null, report: reports.get(service.id)! }, "")?.passed === false)
    .map((service) => ({ slug: service.slug, name: service.name, team: service.team, availabilityTarget: service.availabilityTarget, report: reports.get(service.id)!, reasons: flags(reports.get(service.id)!) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    policyOn: true,
    held,
    exceptions: exceptions.map((exception) => ({ id: exception.id, service: exception.service, reason: exception.reason, endsAt: exception.endsAt, recordedBy: exception.recordedBy?.name ?? null })),
  };
}
