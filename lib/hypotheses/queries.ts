// Reads of outcome hypotheses: the service page's list (with the error budget each linked release
// cost), one hypothesis's page with its release picker, and the hypotheses due for the product
// manager's home. A service's reads are three statements whatever the number of hypotheses.
import type { DbTx } from "../db";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { readAvailabilityInputs } from "../reliability/queries";
import { targetAt } from "../reliability/report";
import { SHIPPED_STATUSES } from "./link-deployment";
import { hypothesisLabel, hypothesisSentence, hypothesisStatus, releaseBudgetCost, type BudgetCost, type HypothesisStatus } from "./rules";

export type LinkedRelease = { id: string; version: string; environment: string; shippedAt: Date; cost: BudgetCost; incidents: { id: string; number: number }[] };

export type HypothesisView = {
  id: string;
  number: number;
  label: string;
  sentence: string;
  capability: string;
  outcome: string;
  metric: string;
  amount: string;
  measureBy: Date;
  status: HypothesisStatus;
  evidence: string;
  decidedAt: Date | null;
  decidedBy: string | null;
  owner: { id: string; name: string };
  releases: LinkedRelease[];
  /** The releases' costs together, in minutes and share of one 28-day budget. */
  totalMinutes: number;
};

const SELECT = {
  id: true, number: true, capability: true, outcome: true, metric: true, amount: true, measureBy: true, result: true, evidence: true, decidedAt: true,
  decidedBy: { select: { name: true } },
  owner: { select: { id: true, name: true } },
  deployments: {
    orderBy: { linkedAt: "asc" },
    select: {
      deployment: {
        select: {
          id: true, version: true, startedAt: true, finishedAt: true, environment: { select: { name: true } },
          causedIncidents: { select: { id: true, number: true, availabilityLostAt: true, availabilityRegainedAt: true } },
        },
      },
    },
  },
} as const;

type Row = Awaited<ReturnType<typeof readRows>>[number];

function readRows(tx: DbTx, where: { serviceId: string; number?: number }) {
  return tx.hypothesis.findMany({ where, orderBy: [{ measureBy: "desc" }, { number: "desc" }], select: SELECT });
}

function toView(row: Row, changes: { target: AvailabilityTarget; effectiveFrom: Date }[], current: AvailabilityTarget, now: Date): HypothesisView {
  const releases = row.deployments.map(({ deployment }) => {
    const shippedAt = deployment.finishedAt ?? deployment.startedAt;
    const target = targetAt(changes, shippedAt.getTime()) ?? current;
    const windows = deployment.causedIncidents.map((incident) => ({ lostAt: incident.availabilityLostAt, regainedAt: incident.availabilityRegainedAt }));
    return {
      id: deployment.id, version: deployment.version, environment: deployment.environment.name, shippedAt,
      cost: releaseBudgetCost(windows, target, now),
      incidents: deployment.causedIncidents.map((incident) => ({ id: incident.id, number: incident.number })),
    };
  });
  return {
    id: row.id, number: row.number, label: hypothesisLabel(row.number), sentence: hypothesisSentence(row),
    capability: row.capability, outcome: row.outcome, metric: row.metric, amount: row.amount, measureBy: row.measureBy,
    status: hypothesisStatus(row, now), evidence: row.evidence, decidedAt: row.decidedAt, decidedBy: row.decidedBy?.name ?? null,
    owner: row.owner, releases,
    totalMinutes: Math.round(releases.reduce((sum, release) => sum + release.cost.minutes, 0) * 10) / 10,
  };
}

async function targetHistory(tx: DbTx, service: { id: string; availabilityTarget: AvailabilityTarget }, now: Date) {
  // Only the target history is wanted: an empty range reads no incident windows worth the name.
  return (await readAvailabilityInputs(tx, [service], { from: now, to: now })).get(service.id)!.changes;
}

/** The service page's list: every hypothesis of the service, latest date first. */
export async function hypothesesOfService(tx: DbTx, service: { id: string; availabilityTarget: AvailabilityTarget }, now = new Date()): Promise<HypothesisView[]> {
  const [rows, changes] = await Promise.all([readRows(tx, { serviceId: service.id }), targetHistory(tx, service, now)]);
  return rows.map((row) => toView(row, changes, service.availabilityTarget, now));
}

export type ReleaseChoice = { id: string; version: string; environment: string; shippedAt: Date; status: string };

export type HypothesisPage = {
  service: { id: string; slug: string; name: string; teamId: string; archived: boolean };
  hypothesis: HypothesisView;
  /** Production releases of the service not linked yet, newest first: the picker. */
  choices: ReleaseChoice[];
};

export async function hypothesisPage(tx: DbTx, slug: string, number: number, now = new Date()): Promise<HypothesisPage | null> {
  const service = await tx.service.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, teamId: true, archivedAt: true, availabilityTarget: true } });
  if (!service) return null;
  const [rows, changes, deployments] = await Promise.all([
    readRows(tx, { serviceId: service.id, number }),
    targetHistory(tx, service, now),
    tx.deployment.findMany({
      where: { serviceId: service.id, environment: { isProduction: true }, status: { in: [...SHIPPED_STATUSES] }, hypotheses: { none: { hypothesis: { number } } } },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: 50,
      select: { id: true, version: true, status: true, startedAt: true, finishedAt: true, environment: { select: { name: true } } },
    }),
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    service: { id: service.id, slug: service.slug, name: service.name, teamId: service.teamId, archived: service.archivedAt !== null },
    hypothesis: toView(row, changes, service.availabilityTarget, now),
    choices: deployments.map((d) => ({ id: d.id, version: d.version, environment: d.environment.name, shippedAt: d.finishedAt ?? d.startedAt, status: d.status })),
  };
}

export type DueHypothesis = { id: string; number: number; label: string; sentence: string; measureBy: Date; owner: { id: string; name: string }; service: { slug: string; name: string; teamId: string }; href: string };

/** Hypotheses of the teams' services whose date has come and whose result is not recorded: oldest first. */
export async function hypothesesDue(tx: DbTx, teamIds: readonly string[], now = new Date()): Promise<DueHypothesis[]> {
  if (teamIds.length === 0) return [];
  const rows = await tx.hypothesis.findMany({
    where: { result: null, measureBy: { lte: now }, service: { teamId: { in: [...teamIds] }, archivedAt: null } },
    orderBy: [{ measureBy: "asc" }, { number: "asc" }],
    take: 100,
    select: { id: true, number: true, capability: true, outcome: true, metric: true, amount: true, measureBy: true, owner: { select: { id: true, name: true } }, service: { select: { slug: true, name: true, teamId: true } } },
  });
  return rows.map((row) => ({
    id: row.id, number: row.number, label: hypothesisLabel(row.number), sentence: hypothesisSentence(row), measureBy: row.measureBy,
    owner: row.owner, service: row.service, href: `/services/${row.service.slug}/hypotheses/${row.number}`,
  }));
}

/** The team's product managers: who may own its hypotheses. */
export async function productManagersOfTeam(tx: DbTx, teamId: string): Promise<{ id: string; name: string }[]> {
  return tx.person.findMany({
    where: { role: "PRODUCT_MANAGER", deactivatedAt: null, memberships: { some: { teamId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
