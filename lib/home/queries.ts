// What the home page shows each role: the reads behind components/home/*.
import type { AvailabilityTarget, DeploymentStatus, DeploymentTarget, Role, ServiceTier } from "../generated/prisma/enums.ts";
import { openIncidentsForPerson } from "../incidents/queries";
import type { PersonActor } from "../auth/actor";
import { describeAuditEvents, type Described } from "../audit/describe-audit-events";
import { authorize } from "../authz/can";
import { treacleSignals, type TreacleSignals } from "../changes/treacle";
import { AVAILABILITY_TARGETS, isAboveBand } from "../catalog/availability";
import { exposureBands } from "../catalog/queries";
import type { Db } from "../db";
import { lastDeploymentsOfTeams } from "../deployments/queries";
import { requestsWaitingFor, type RequestRow } from "../oncall/queries";
import { upcomingShiftsOf } from "../oncall/views";
import { listStaleRunbooks, type StaleRunbook } from "../runbooks/search-queries";
import { onCallSummary, type OnCallSummary } from "./oncall-summary";
import { productManagerOverview, type OverviewTeam } from "./product-manager-overview";
import { whatNeedsYou, type Need } from "./what-needs-you";
import { improvementActions, teamBalances, type ImprovementAction, type TeamBalance } from "../backlog/queries";
import { hypothesesDue, type DueHypothesis } from "../hypotheses/queries";
import { majorIncidentsAwaitingReview, reviewCompletion, reviewsDueForTeams, type ReviewCandidate, type ReviewCompletion, type ReviewDue } from "../reviews/queries";
import { budgetPolicyOverview, flaggedOf, type FlaggedService, type PolicyOverview } from "../reliability/overview";
import { listTeams, type TeamSummary } from "../teams/queries";
import { isThinRota } from "../teams/rota";

export type HomeService = {
  slug: string;
  name: string;
  team: { slug: string; name: string };
  tier: ServiceTier;
  availabilityTarget: AvailabilityTarget;
  deploymentTarget: DeploymentTarget;
  /** The target is above what the service's exposure band suggests (an inflated target costs on-call money). */
  aboveExposureBand: boolean;
  /** The newest deployment to any environment, as the pipeline last reported it. */
  lastDeployment: { id: string; version: string; status: DeploymentStatus; environment: string; at: Date } | null;
};

async function servicesOfTeams(prisma: Db, teamIds: readonly string[]): Promise<HomeService[]> {
  if (teamIds.length === 0) return [];
  const [rows, bands, last] = await Promise.all([
    prisma.service.findMany({
      where: { teamId: { in: [...teamIds] }, archivedAt: null },
      orderBy: [{ team: { name: "asc" } }, { name: "asc" }],
      select: {
        id: true, slug: true, name: true, tier: true, availabilityTarget: true, deploymentTarget: true, maxLossPerHour: true,
        team: { select: { slug: true, name: true } },
      },
    }),
    exposureBands(prisma),
    lastDeploymentsOfTeams(prisma, teamIds),
  ]);
  return rows.map(({ id, maxLossPerHour, ...service }) => ({
    ...service,
    lastDeployment: last.get(id) ?? null,
    // Without configured bands every target above 95% would look inflated; say nothing rather than cry wolf.
    aboveExposureBand: bands.length > 0 && isAboveBand(bands, maxLossPerHour, service.availabilityTarget),
  }));
}

export type EngineerHome = {
  /** Open incidents this person was paged for, holds a role in, or their teams respond to. */
  openIncidents: Awaited<ReturnType<typeof openIncidentsForPerson>>;
  services: HomeService[];
  teams: TeamSummary[];
  staleRunbooks: StaleRunbook[];
  onCall: OnCallSummary;
  /** Swap and cover requests waiting for this person's answer. */
  requestsWaiting: RequestRow[];
};

export async function engineerHome(prisma: Db, person: PersonActor, now = new Date()): Promise<EngineerHome> {
  authorize(person, "catalog.read");
  authorize(person, "oncall.read");
  const [services, teams, staleRunbooks, shifts, requestsWaiting, openIncidents] = await Promise.all([
    servicesOfTeams(prisma, person.teamIds),
    listTeams(prisma, person, { ids: person.teamIds }),
    person.teamIds.length ? listStaleRunbooks(prisma, { teamIds: person.teamIds, limit: 10 }) : Promise.resolve([]),
    upcomingShiftsOf(prisma, person.id, now),
    requestsWaitingFor(prisma, person.id, now),
    openIncidentsForPerson(prisma, person.id, person.teamIds),
  ]);
  return { services, teams, staleRunbooks, onCall: onCallSummary(shifts, now), requestsWaiting, openIncidents };
}

export type TargetCount = { target: AvailabilityTarget; count: number };

export type ProductManagerHome = EngineerHome & {
  countsByTarget: TargetCount[];
  reliability: FlaggedService[];
  /** Each of their teams: services' availability, budget, time to restore and DORA; out-of-hours load. */
  overview: OverviewTeam[];
  balances: TeamBalance[];
  actions: ImprovementAction[];
  reviewsDue: ReviewDue[];
  reviewCandidates: ReviewCandidate[];
  reviewCompletion: ReviewCompletion;
  hypothesesDue: DueHypothesis[];
  needs: Need[];
};

export async function productManagerHome(prisma: Db, person: PersonActor, now = new Date()): Promise<ProductManagerHome> {
  authorize(person, "backlog.read");
  authorize(person, "reviews.read");
  authorize(person, "hypotheses.read");
  const teamIds = person.teamIds;
  // Availability is read once, for the overview; the flagged services and the balances' signals reuse it.
  const reliabilityAndBalance = productManagerOverview(prisma, teamIds, now).then(async (overview) => {
    const reliability = flaggedOf(overview.flatMap((team) => team.services.map((service) => ({
      slug: service.slug, name: service.name, availabilityTarget: service.availabilityTarget, team: { slug: team.slug, name: team.name }, report: service.report,
    }))));
    return { overview, reliability, balances: await teamBalances(prisma, teamIds, now, { flagged: reliability }) };
  });
  const [home, { overview, reliability, balances }, actions, reviewsDue, reviewCandidates, completion, hypotheses] = await Promise.all([
    engineerHome(prisma, person, now),
    reliabilityAndBalance,
    improvementActions(prisma, teamIds, now),
    reviewsDueForTeams(prisma, teamIds, now),
    majorIncidentsAwaitingReview(prisma, teamIds, now),
    reviewCompletion(prisma, { teamIds, now }),
    hypothesesDue(prisma, teamIds, now),
  ]);
  const { services } = home;
  const countsByTarget = AVAILABILITY_TARGETS.map((target) => ({
    target,
    count: services.filter((service) => service.availabilityTarget === target).length,
  }));
  const needs = whatNeedsYou({
    services: overview.flatMap((team) => team.services.map((service) => ({
      slug: service.slug, name: service.name, team: team.name,
      burn: service.availability.burn, budgetSpent: service.availability.budgetSpent, onTarget: service.availability.period.onTarget,
    }))),
    reviews: reviewsDue,
    reviewsToSchedule: reviewCandidates.filter((candidate) => candidate.kind === "major").map((candidate) => ({
      incidentNumber: candidate.incident.number, title: candidate.incident.title, href: candidate.incident.href, major: true,
    })),
    balanceSignals: balances.flatMap((balance) => {
      // The balance speaks up when reliability needs work and the plan does not already lean that way.
      const under = balance.target === null || (balance.planned.share ?? 0) < balance.target;
      return balance.signal && under ? [{ team: balance.team.name, href: `/teams/${balance.team.slug}/backlog`, services: balance.signal.services.map((service) => service.name) }] : [];
    }),
    stuckActions: actions.filter((action) => action.stuck || (action.repeatOf && action.item.status !== "DONE")).map((action) => ({
      title: action.item.title, team: action.team.name, ageDays: Math.floor(action.ageDays), href: `/teams/${action.team.slug}/backlog#item-${action.item.number}`, repeat: Boolean(action.repeatOf),
    })),
    hypothesesDue: hypotheses.map((hypothesis) => ({ label: hypothesis.label, service: hypothesis.service.name, measureBy: hypothesis.measureBy, href: hypothesis.href })),
  }, now);
  return { ...home, countsByTarget, reliability, overview, balances, actions, reviewsDue, reviewCandidates, reviewCompletion: completion, hypothesesDue: hypotheses, needs };
}

export type RecentAuditEvent = Described<{
  id: string;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  actorKind: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}>;

export type DeploymentTargetCount = { target: DeploymentTarget; count: number };

export type ChangeManagerHome = { recentEvents: RecentAuditEvent[]; countsByDeploymentTarget: DeploymentTargetCount[]; treacle: TreacleSignals; budgetPolicy: PolicyOverview };

const DEPLOYMENT_TARGETS: readonly DeploymentTarget[] = ["MONTHLY", "FORTNIGHTLY", "WEEKLY", "DAILY"];

export async function changeManagerHome(prisma: Db, person: PersonActor): Promise<ChangeManagerHome> {
  authorize(person, "audit.read");
  const [recentEvents, grouped, treacle, budgetPolicy] = await Promise.all([
    prisma.auditEvent.findMany({
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: 10,
      select: { id: true, occurredAt: true, actorId: true, actorLabel: true, actorKind: true, action: true, entityType: true, entityId: true, before: true, after: true },
    }).then((events) => describeAuditEvents(prisma, events)),
    prisma.service.groupBy({ by: ["deploymentTarget"], where: { archivedAt: null }, _count: { _all: true } }),
    treacleSignals(prisma),
    budgetPolicyOverview(prisma),
  ]);
  const countsByDeploymentTarget = DEPLOYMENT_TARGETS.map((target) => ({
    target,
    count: grouped.find((row) => row.deploymentTarget === target)?._count._all ?? 0,
  }));
  return { recentEvents, countsByDeploymentTarget, treacle, budgetPolicy };
}

export type PersonWithoutTeam = { id: string; name: string; email: string; role: Role };

export type AdminHome = {
  counts: { teams: number; people: number; services: number; domains: number };
  peopleWithoutTeam: PersonWithoutTeam[];
  peopleWithoutTeamTotal: number;
  /** Teams whose active members are too few for a rota (see lib/teams/rota.ts). */
  thinTeams: TeamSummary[];
};

const LIST_LIMIT = 10;

export async function adminHome(prisma: Db, person: PersonActor): Promise<AdminHome> {
  authorize(person, "catalog.read");
  const withoutTeam = { deactivatedAt: null, memberships: { none: {} } };
  const [teams, people, services, domains, peopleWithoutTeam, peopleWithoutTeamTotal, allTeams] = await Promise.all([
    prisma.team.count(),
    prisma.person.count({ where: { deactivatedAt: null } }),
    prisma.service.count({ where: { archivedAt: null } }),
    prisma.domain.count(),
    prisma.person.findMany({
      where: withoutTeam,
      orderBy: { name: "asc" },
      take: LIST_LIMIT,
      select: { id: true, name: true, email: true, role: true },
    }),
    prisma.person.count({ where: withoutTeam }),
    listTeams(prisma, person),
  ]);
  const thinTeams = allTeams
    .filter((team) => isThinRota(team.memberCount))
    .sort((a, b) => a.memberCount - b.memberCount || a.name.localeCompare(b.name));
  return { counts: { teams, people, services, domains }, peopleWithoutTeam, peopleWithoutTeamTotal, thinTeams };
}
