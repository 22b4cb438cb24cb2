// Reads for the change-management pages: explicit selects, DTOs out.
import type { Db, DbTx } from "../db";
import { deploymentFilterOptions } from "../deployments/queries";
import { readCabSettings, type CabSettings } from "./cab-settings";
import { assemblePage, CHANGE_PAGE_SIZE, changeNumberIn, dayRange, type ChangeListFilters, type ChangeListQuery, type Cursor } from "./change-list";
import { changeAccessSelect, serviceForRisk } from "./change-access";
import { evaluatePattern, patternCovers, recordNeeds, type TrackRecord } from "./eligibility";
import { readTrackRecord } from "./gate-sql";
import { nextMeeting } from "./meeting";
import { onCallAt } from "./oncall-at";
import { readRules, type Tier } from "./pattern-rules";
import { scoreChange } from "./risk-inputs";

const listSelect = {
  id: true,
  number: true,
  type: true,
  state: true,
  version: true,
  summary: true,
  plannedStart: true,
  riskLevel: true,
  riskScore: true,
  requesterLabel: true,
  reviewDueAt: true,
  reviewedAt: true,
  createdAt: true,
  service: { select: { slug: true, name: true } },
  environment: { select: { slug: true, name: true } },
} as const;

export type ChangeListItem = Awaited<ReturnType<typeof listChangesPage>>["items"][number];

function changeListWhere(filters: ChangeListFilters) {
  const number = filters.q ? changeNumberIn(filters.q) : null;
  const created = dayRange(filters);
  return {
    state: filters.state,
    type: filters.type,
    ...(filters.service || filters.team ? { service: { ...(filters.service ? { slug: filters.service } : {}), ...(filters.team ? { team: { slug: filters.team } } : {}) } } : {}),
    ...(filters.q ? { OR: [{ summary: { contains: filters.q, mode: "insensitive" as const } }, ...(number !== null ? [{ number }] : [])] } : {}),
    ...(created.gte || created.lt ? { createdAt: created } : {}),
  };
}

/** Rows strictly after (older than) or before (newer than) a cursor in the (createdAt, id) order. */
const beyond = (cursor: Cursor, direction: "after" | "before") => {
  const op = direction === "after" ? "lt" : "gt";
  return { OR: [{ createdAt: { [op]: cursor.at } }, { createdAt: cursor.at, id: { [op]: cursor.id } }] };
};

/**
 * One page of the changes list, newest first, with the number of changes the filters match: two
 * bounded reads (the page by the (createdAt, id) index, and a count), whatever the page.
 */
export async function listChangesPage(prisma: DbTx, query: ChangeListQuery, size = CHANGE_PAGE_SIZE) {
  const where = changeListWhere(query.filters);
  const direction = query.before ? "before" : "after";
  const cursor = query.before ?? query.after;
  const order = direction === "after" ? "desc" : "asc";
  const [rows, total] = await Promise.all([
    prisma.changeRequest.findMany({
      where: cursor ? { AND: [where, beyond(cursor, direction)] } : where,
      orderBy: [{ createdAt: order }, { id: order }],
      take: size + 1,
      select: listSelect,
    }),
    prisma.changeRequest.count({ where }),
  ]);
  return { ...assemblePage(rows, size, direction, Boolean(cursor)), total };
}

/**
 * The services and teams the list and the calendar filter by: the deployments page's options, which
 * list every service in a small organisation and only the chosen team's in a large one.
 */
export async function changeListOptions(prisma: Db, chosen: { team?: string; service?: string } = {}) {
  const { services, servicesNarrowed, teams } = await deploymentFilterOptions(prisma, chosen);
  return { services, servicesNarrowed, teams };
}

/** Emergency changes whose retrospective review is overdue. */
export async function overdueReviews(prisma: DbTx, now = new Date()) {
  return prisma.changeRequest.findMany({ where: { type: "EMERGENCY", reviewedAt: null, reviewDueAt: { lt: now } }, orderBy: { reviewDueAt: "asc" }, take: 50, select: listSelect });
}

export async function getChange(prisma: Db, id: string, now = new Date()) {
  const change = await prisma.changeRequest.findUnique({
    where: { id },
    select: {
      ...listSelect,
      ...changeAccessSelect,
      description: true,
      implementationPlan: true,
      rollbackPlan: true,
      plannedEnd: true,
      submittedAt: true,
      decidedAt: true,
      decisionReason: true,
      implementedAt: true,
      closedAt: true,
      failureReason: true,
      reviewNotes: true,
      reviewedBy: { select: { name: true } },
      requesterId: true,
      pattern: { select: { slug: true, name: true } },
      service: { select: { id: true, slug: true, name: true, teamId: true, tier: true, team: { select: { name: true, domainId: true } } } },
      approvals: { orderBy: { createdAt: "asc" }, select: { id: true, decision: true, reason: true, createdAt: true, person: { select: { id: true, name: true } } } },
      comments: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, authorLabel: true, createdAt: true } },
      deployments: {
        orderBy: { startedAt: "desc" },
        select: {
          id: true, version: true, status: true, startedAt: true, finishedAt: true, deployer: true, pipelineUrl: true, requiredChecksStatus: true,
          commits: { select: { sha: true, message: true, author: true, committedAt: true }, orderBy: { committedAt: "asc" } },
          healthChecks: { select: { name: true, status: true, details: true, checkedAt: true }, orderBy: { checkedAt: "asc" } },
          flags: { select: { kind: true, message: true, createdAt: true } },
        },
      },
      gateDecisions: { orderBy: { createdAt: "asc" }, select: { id: true, outcome: true, reasons: true, actorLabel: true, createdAt: true, plannedAt: true, commitShas: true } },
    },
  });
  if (!change) return null;
  const [risk, cab] = await Promise.all([
    scoreChange(prisma, { service: serviceForRisk(change as never), environmentId: change.environmentId, plannedStart: change.plannedStart, commits: change.commitShas.length || null }, now),
    readCabSettings(prisma),
  ]);
  return { ...change, risk, cab, reviewOverdue: change.type === "EMERGENCY" && !change.reviewedAt && !!change.reviewDueAt && change.reviewDueAt < now };
}
export type ChangeDetail = NonNullable<Awaited<ReturnType<typeof getChange>>>;

/** The next CAB meeting and the normal changes waiting for it (submitted, oldest first). */
export async function cabAgenda(prisma: Db, now = new Date()): Promise<{ settings: CabSettings; meeting: Date; changes: (ChangeListItem & { approvals: number })[] }> {
  const settings = await readCabSettings(prisma);
  const changes = await prisma.changeRequest.findMany({
    where: { type: "NORMAL", state: "SUBMITTED" },
    orderBy: [{ plannedStart: "asc" }, { submittedAt: "asc" }],
    take: 200,
    select: { ...listSelect, approvals: { where: { decision: "APPROVE" }, select: { id: true } } },
  });
  return { settings, meeting: nextMeeting(settings, now), changes: changes.map((change) => ({ ...change, approvals: change.approvals.length })) };
}

export async function listPatterns(prisma: DbTx, includeArchived = false) {
  const rows = await prisma.deploymentPattern.findMany({
    where: includeArchived ? {} : { archivedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, description: true, serviceIds: true, teamIds: true, environmentIds: true, tiers: true, rules: true, archivedAt: true, updatedAt: true, _count: { select: { changes: true } } },
  });
  return rows.map((row) => ({ ...row, rules: readRules(row.rules) }));
}

export async function getPattern(prisma: DbTx, slug: string) {
  const row = await prisma.deploymentPattern.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, description: true, serviceIds: true, teamIds: true, environmentIds: true, tiers: true, rules: true, archivedAt: true,
      requiredChecks: { select: { id: true, name: true, deadlineMinutes: true } },
    },
  });
  return row ? { ...row, rules: readRules(row.rules) } : null;
}

/**
 * Which services the pattern covers, and for each, rule by rule, whether it is eligible right now
 * (as the gate would see it when asked by a pipeline now).
 */
export async function patternEligibility(prisma: Db, pattern: NonNullable<Awaited<ReturnType<typeof getPattern>>>, now = new Date()) {
  const environments = await prisma.environment.findMany({
    where: pattern.environmentIds.length ? { id: { in: pattern.environmentIds } } : { isProduction: true },
    select: { id: true, slug: true, name: true },
    orderBy: { position: "asc" },
  });
  const services = await prisma.service.findMany({
    where: { archivedAt: null, ...(pattern.serviceIds.length ? { id: { in: pattern.serviceIds } } : {}), ...(pattern.teamIds.length ? { teamId: { in: pattern.teamIds } } : {}), ...(pattern.tiers.length ? { tier: { in: pattern.tiers } } : {}) },
    select: { id: true, slug: true, name: true, teamId: true, tier: true, team: { select: { domainId: true, name: true } } },
    orderBy: { name: "asc" },
    take: 200,
  });
  const needs = recordNeeds([pattern.rules]);
  const rows = [];
  for (const environment of environments) {
    for (const service of services) {
      if (!patternCovers(pattern, { id: service.id, teamId: service.teamId, tier: service.tier as Tier }, environment.id)) continue;
      const [history, freeze, onCall] = await Promise.all([
        readTrackRecord(prisma, { serviceId: service.id, environmentId: environment.id, days: needs.days, recent: needs.recent, now }),
        activeFreeze(prisma, { id: service.id, teamId: service.teamId, domainId: service.team.domainId }, now),
        pattern.rules?.some((rule) => rule.kind === "on-call") ? onCallAt(prisma, service.slug, now) : Promise.resolve({ covered: true, reason: "", inHours: true }),
      ]);
      const record: TrackRecord = { tier: service.tier as Tier, ...history, automated: true, freeze, onCall };
      rows.push({ service: { slug: service.slug, name: service.name, team: service.team.name, tier: service.tier }, environment, ...evaluatePattern(pattern.rules, record) });
    }
  }
  return rows;
}

export async function activeFreeze(prisma: DbTx, service: { id: string; teamId: string; domainId: string | null }, at: Date) {
  const freeze = await prisma.freezeWindow.findFirst({
    where: { startsAt: { lte: at }, endsAt: { gt: at }, OR: [{ scope: "ORGANISATION" }, { serviceId: service.id }, { teamId: service.teamId }, ...(service.domainId ? [{ domainId: service.domainId }] : [])] },
    orderBy: { endsAt: "desc" },
    select: { name: true, endsAt: true },
  });
  return freeze;
}

const freezeSelect = { id: true, name: true, reason: true, scope: true, startsAt: true, endsAt: true, domain: { select: { slug: true, name: true } }, team: { select: { slug: true, name: true } }, service: { select: { slug: true, name: true } } } as const;

/**
 * Every freeze someone declared, so each can be found and removed: the current and upcoming ones first
 * (soonest first), then the ended ones (latest first, bounded).
 */
export async function listFreezes(prisma: DbTx, now = new Date(), endedLimit = 100) {
  const [current, ended] = await Promise.all([
    prisma.freezeWindow.findMany({ where: { endsAt: { gt: now } }, orderBy: [{ startsAt: "asc" }, { id: "asc" }], select: freezeSelect }),
    prisma.freezeWindow.findMany({ where: { endsAt: { lte: now } }, orderBy: [{ endsAt: "desc" }, { id: "asc" }], take: endedLimit, select: freezeSelect }),
  ]);
  return [...current, ...ended];
}

export async function listRequiredChecks(prisma: DbTx) {
  return prisma.requiredHealthCheck.findMany({
    orderBy: [{ name: "asc" }],
    select: { id: true, name: true, deadlineMinutes: true, service: { select: { slug: true, name: true } }, pattern: { select: { slug: true, name: true } } },
  });
}

/** One row per flag (a deployment has at most one of each kind), newest first. */
export async function listFlags(prisma: DbTx, limit = 100) {
  return prisma.deploymentFlag.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true, kind: true, message: true, createdAt: true,
      deployment: { select: { id: true, version: true, status: true, startedAt: true, isRollback: true, service: { select: { slug: true, name: true } }, environment: { select: { name: true } } } },
    },
  });
}

/**
 * Everything the calendar shows between two instants, for the whole organisation or one service (its
 * changes and deployments, and the freezes that cover it: calendar.ts's freezeCovers decides).
 */
export async function calendarItems(prisma: DbTx, from: Date, to: Date, serviceSlug?: string) {
  const service = serviceSlug
    ? await prisma.service.findUnique({ where: { slug: serviceSlug }, select: { id: true, slug: true, name: true, teamId: true, team: { select: { domainId: true } } } })
    : null;
  const scope = service ? { serviceId: service.id } : {};
  const [changes, freezes, deployments] = await Promise.all([
    prisma.changeRequest.findMany({
      where: { ...scope, plannedStart: { gte: from, lt: to }, state: { notIn: ["CANCELLED", "REJECTED"] } },
      orderBy: { plannedStart: "asc" },
      take: 500,
      select: { id: true, number: true, type: true, state: true, summary: true, plannedStart: true, service: { select: { slug: true } } },
    }),
    prisma.freezeWindow.findMany({
      where: { startsAt: { lt: to }, endsAt: { gt: from } },
      orderBy: { startsAt: "asc" },
      select: { id: true, name: true, scope: true, startsAt: true, endsAt: true, serviceId: true, teamId: true, domainId: true, service: { select: { name: true } }, team: { select: { name: true } }, domain: { select: { name: true } } },
    }),
    prisma.deployment.findMany({
      where: { ...scope, startedAt: { gte: from, lt: to }, environment: { isProduction: true } },
      orderBy: { startedAt: "asc" },
      take: 1000,
      select: { id: true, version: true, status: true, startedAt: true, service: { select: { slug: true } } },
    }),
  ]);
  const shown = service ? { id: service.id, slug: service.slug, name: service.name, teamId: service.teamId, domainId: service.team.domainId } : null;
  return { service: shown, changes, freezes, deployments };
}

export async function changeFormOptions(prisma: DbTx) {
  const [services, environments, teams, domains, patterns] = await Promise.all([
    prisma.service.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true, teamId: true } }),
    prisma.environment.findMany({ orderBy: { position: "asc" }, select: { id: true, slug: true, name: true, isProduction: true } }),
    prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
    prisma.domain.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
    prisma.deploymentPattern.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
  ]);
  return { services, environments, teams, domains, patterns };
}

/** The change-control side of a deployment, for its page: its change, flags and required checks. */
export async function deploymentChangeControl(prisma: DbTx, deploymentId: string) {
  return prisma.deployment.findUnique({
    where: { id: deploymentId },
    select: {
      requiredChecksStatus: true,
      requiredChecksDueAt: true,
      environment: { select: { isProduction: true } },
      changeRequest: { select: { id: true, number: true, type: true, state: true, summary: true } },
      flags: { orderBy: { createdAt: "asc" }, select: { kind: true, message: true, createdAt: true } },
    },
  });
}
