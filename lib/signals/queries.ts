// Reads of the anti-pattern signals page (docs/SIGNALS.md): one read per signal, all in parallel, each
// bounded whatever the organisation's size (aggregates in SQL, evidence lists capped). Stuck actions
// and incident actions are read from the reviews' and backlogs' tables directly.
import type { Db, DbTx } from "../db";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { treacleSignals, type TreacleSignals } from "../changes/treacle";
import { loadSchedules } from "../oncall/queries";
import { ScheduleCache } from "../oncall/schedule-cache";
import { finalShifts } from "../oncall/shift-engine";
import {
  ACCOUNTABILITY_WINDOW_DAYS, accountabilityWindows, ageDays, compareMedians, countsByWeeksAgo, everyServiceAtTop, LOAD_WEEKS, risingVerdict, rotaVerdict, STUCK_AFTER_DAYS,
  teamScheduleWithoutNeed, UNPLANNED_WEEKS, type Comparison, type RisingVerdict, type RotaVerdict, type TargetedService,
} from "./rules";

const DAY = 86_400_000;
const EVIDENCE_CAP = 25;

type Named = { slug: string; name: string };

export type InflatedTargets = {
  allAtTop: { target: AvailabilityTarget; services: number } | null;
  /** Live team schedules of teams whose services are all below 99.9%. */
  needlessTeamSchedules: { schedule: Named; team: Named; services: { slug: string; name: string; target: AvailabilityTarget }[] }[];
};

/**
 * Counted in SQL, whatever the number of services; the team rotas to judge are those whose team has
 * live services and none of 99.9% or more (the rule, teamScheduleWithoutNeed, confirms each).
 */
export async function inflatedTargets(tx: DbTx): Promise<InflatedTargets> {
  const topBand = await tx.exposureBand.findFirst({ orderBy: { minLossPerHour: "desc" }, select: { availabilityTarget: true } });
  const top = topBand?.availabilityTarget ?? null;
  const live = { archivedAt: null };
  const [total, atTop, schedules] = await Promise.all([
    tx.service.count({ where: live }),
    top ? tx.service.count({ where: { ...live, availabilityTarget: top } }) : Promise.resolve(0),
    tx.onCallSchedule.findMany({
      where: { kind: "TEAM", archivedAt: null, team: { services: { some: live, none: { ...live, availabilityTarget: { in: ["P99_9", "P99_99"] } } } } },
      orderBy: { name: "asc" },
      take: EVIDENCE_CAP,
      select: { slug: true, name: true, team: { select: { id: true, slug: true, name: true, services: { where: live, orderBy: { name: "asc" }, select: { slug: true, name: true, availabilityTarget: true } } } } },
    }),
  ]);
  const needlessTeamSchedules = schedules.flatMap((schedule) => {
    if (!schedule.team) return [];
    const services: TargetedService[] = schedule.team.services.map((s) => ({ slug: s.slug, name: s.name, teamId: schedule.team!.id, target: s.availabilityTarget }));
    const needless = teamScheduleWithoutNeed(services);
    return needless
      ? [{ schedule: { slug: schedule.slug, name: schedule.name }, team: { slug: schedule.team.slug, name: schedule.team.name }, services: needless.slice(0, 10).map((s) => ({ slug: s.slug, name: s.name, target: s.target })) }]
      : [];
  });
  return {
    allAtTop: top && everyServiceAtTop({ total, atTop }, top) ? { target: top, services: total } : null,
    needlessTeamSchedules,
  };
}

export type RotaSignal = { schedule: Named; owner: string; participants: number; people: { name: string; hours: number }[] } & RotaVerdict;

/** One schedule's rota facts over the load window, kept while its version stamp holds and for an hour at most. */
type RotaFacts = { slug: string; name: string; owner: string; participants: number; hours: { name: string; hours: number }[]; computedAt: number };

// Keyed by the schedule's version stamp (lib/oncall/schedule-cache.ts): any change to its inputs makes a
// new stamp. Twelve weeks of load move little in an hour, so an entry serves that long.
const rotaCache = new ScheduleCache<RotaFacts>(5_000);
const ROTA_REUSE_MS = 3_600_000;

export async function thinRotas(tx: DbTx, now: Date): Promise<RotaSignal[]> {
  const versions = await tx.onCallSchedule.findMany({ where: { archivedAt: null }, select: { id: true, version: true } });
  const fits = (facts: RotaFacts) => Math.abs(now.getTime() - facts.computedAt) < ROTA_REUSE_MS;
  const facts: RotaFacts[] = [];
  const stale: { id: string; version: string }[] = [];
  for (const { id, version } of versions) {
    const hit = rotaCache.get(id, version.toString(), fits);
    if (hit) facts.push(hit);
    else stale.push({ id, version: version.toString() });
  }
  rotaCache.keepOnly(new Set(versions.map((v) => v.id)));
  if (stale.length) {
    const from = new Date(now.getTime() - LOAD_WEEKS * 7 * DAY);
    const versionOf = new Map(stale.map((v) => [v.id, v.version]));
    for (const schedule of await loadSchedules(tx, { id: { in: stale.map((v) => v.id) } }, from, now, { withLeave: false, withOptOuts: false })) {
      const hours = new Map<string, number>();
      for (const shift of finalShifts(schedule.engine, from, now)) {
        if (shift.layer !== "PRIMARY") continue;
        const ms = Math.min(shift.end.getTime(), now.getTime()) - Math.max(shift.start.getTime(), from.getTime());
        if (ms > 0) hours.set(shift.personId, (hours.get(shift.personId) ?? 0) + ms / 3_600_000);
      }
      const entry: RotaFacts = {
        slug: schedule.slug, name: schedule.name, owner: schedule.ownerName, computedAt: now.getTime(),
        participants: new Set([...schedule.participants, ...schedule.secondaryParticipants].map((p) => p.id)).size,
        hours: [...hours].map(([id, value]) => ({ name: schedule.people.get(id)?.name ?? "Someone", hours: value })),
      };
      rotaCache.set(schedule.id, versionOf.get(schedule.id)!, entry);
      facts.push(entry);
    }
  }
  const flagged: RotaSignal[] = [];
  for (const rota of facts) {
    const verdict = rotaVerdict({ participants: rota.participants, hoursByPerson: rota.hours.map((h) => h.hours) });
    if (!verdict.thin && !verdict.unfair) continue;
    const people = rota.hours.map((h) => ({ name: h.name, hours: Math.round(h.hours) })).sort((a, b) => b.hours - a.hours);
    flagged.push({ schedule: { slug: rota.slug, name: rota.name }, owner: rota.owner, participants: rota.participants, people: people.slice(0, 8), ...verdict });
  }
  return flagged.sort((a, b) => a.participants - b.participants || (b.ratio ?? 0) - (a.ratio ?? 0)).slice(0, EVIDENCE_CAP);
}

export type UnplannedSignal = { team: Named; callouts: number[]; incidentActions: number[]; calloutVerdict: RisingVerdict; actionVerdict: RisingVerdict };

type WeekRow = { teamId: string; weeksAgo: number; count: number };

export async function unplannedWork(tx: DbTx, now: Date): Promise<UnplannedSignal[]> {
  // Timestamps are stored as UTC without a zone: parameters go in as ISO instants, turned to UTC.
  const at = now.toISOString();
  const from = new Date(now.getTime() - UNPLANNED_WEEKS * 7 * DAY).toISOString();
  const [callouts, actions] = await Promise.all([
    // A callout counts for the responding team of its incident (a domain rota's page names no team), when it was paged.
    tx.$queryRaw<WeekRow[]>`
      SELECT i."teamId", floor(extract(epoch FROM ((${at}::timestamptz AT TIME ZONE 'UTC') - p."pagedAt")) / 604800)::int AS "weeksAgo", count(*)::int AS count
        FROM "IncidentPage" p JOIN "Incident" i ON i.id = p."incidentId"
       WHERE p."outOfHours" AND p."pagedAt" >= (${from}::timestamptz AT TIME ZONE 'UTC') AND p."pagedAt" < (${at}::timestamptz AT TIME ZONE 'UTC')
       GROUP BY 1, 2`,
    tx.$queryRaw<WeekRow[]>`
      SELECT "teamId", floor(extract(epoch FROM ((${at}::timestamptz AT TIME ZONE 'UTC') - "createdAt")) / 604800)::int AS "weeksAgo", count(*)::int AS count
        FROM "BacklogItem" WHERE subtype = 'INCIDENT_ACTION' AND "createdAt" >= (${from}::timestamptz AT TIME ZONE 'UTC') AND "createdAt" < (${at}::timestamptz AT TIME ZONE 'UTC')
       GROUP BY 1, 2`,
  ]);
  const rowsOf = (rows: WeekRow[]) => {
    const byTeam = new Map<string, { weeksAgo: number; count: number }[]>();
    for (const row of rows) byTeam.set(row.teamId, [...(byTeam.get(row.teamId) ?? []), { weeksAgo: Number(row.weeksAgo), count: Number(row.count) }]);
    return byTeam;
  };
  const calloutRows = rowsOf(callouts);
  const actionRows = rowsOf(actions);
  const teamIds = [...new Set([...calloutRows.keys(), ...actionRows.keys()])];
  const flagged = teamIds.flatMap((teamId) => {
    const c = countsByWeeksAgo(calloutRows.get(teamId) ?? []);
    const a = countsByWeeksAgo(actionRows.get(teamId) ?? []);
    const calloutVerdict = risingVerdict(c);
    const actionVerdict = risingVerdict(a);
    return calloutVerdict.rising || actionVerdict.rising ? [{ teamId, callouts: c, incidentActions: a, calloutVerdict, actionVerdict }] : [];
  });
  if (flagged.length === 0) return [];
  const teams = new Map((await tx.team.findMany({ where: { id: { in: flagged.map((f) => f.teamId) } }, select: { id: true, slug: true, name: true } })).map((t) => [t.id, t]));
  return flagged
    .map(({ teamId, ...rest }) => ({ team: teams.get(teamId) ?? { slug: "", name: "A deleted team" }, ...rest }))
    .sort((x, y) => y.calloutVerdict.last4 + y.actionVerdict.last4 - (x.calloutVerdict.last4 + x.actionVerdict.last4))
    .slice(0, EVIDENCE_CAP);
}

export type StuckAction = {
  kind: "review-action" | "incident-action";
  id: string;
  title: string;
  ageDays: number;
  team: Named;
  owner: string | null;
  incident: { id: string; number: number } | null;
  stuck: boolean;
  /** The earlier action this one repeats (raised twice). */
  repeatOf: { title: string; incident: { id: string; number: number } } | null;
};

export async function stuckActions(tx: DbTx, now: Date): Promise<{ items: StuckAction[]; stuck: number; repeated: number }> {
  const before = new Date(now.getTime() - STUCK_AFTER_DAYS * DAY);
  const openAction = { OR: [{ backlogItem: null }, { backlogItem: { status: { not: "DONE" as const } } }] };
  const reviewWhere = { OR: [{ AND: [{ createdAt: { lt: before } }, openAction] }, { repeatOfId: { not: null } }] };
  const itemWhere = { subtype: "INCIDENT_ACTION" as const, reviewActionId: null, status: { not: "DONE" as const }, createdAt: { lt: before } };
  const [reviewActions, items, reviewCount, repeatCount, itemCount] = await Promise.all([
    tx.reviewAction.findMany({
      where: reviewWhere, orderBy: { createdAt: "asc" }, take: EVIDENCE_CAP,
      select: {
        id: true, title: true, createdAt: true, repeatOfId: true, owner: { select: { name: true } }, backlogItem: { select: { status: true } },
        review: { select: { incidentId: true, incident: { select: { number: true } }, team: { select: { slug: true, name: true } } } },
        repeatOf: { select: { title: true, review: { select: { incidentId: true, incident: { select: { number: true } } } } } },
      },
    }),
    tx.backlogItem.findMany({
      where: itemWhere, orderBy: { createdAt: "asc" }, take: EVIDENCE_CAP,
      select: { id: true, title: true, createdAt: true, owner: { select: { name: true } }, team: { select: { slug: true, name: true } }, incident: { select: { id: true, number: true } } },
    }),
    tx.reviewAction.count({ where: { AND: [{ createdAt: { lt: before } }, openAction] } }),
    tx.reviewAction.count({ where: { repeatOfId: { not: null } } }),
    tx.backlogItem.count({ where: itemWhere }),
  ]);
  const fromReviews: StuckAction[] = reviewActions.map((a) => ({
    kind: "review-action", id: a.id, title: a.title, ageDays: ageDays(a.createdAt, now), team: a.review.team, owner: a.owner?.name ?? null,
    incident: { id: a.review.incidentId, number: a.review.incident.number },
    stuck: a.createdAt < before && a.backlogItem?.status !== "DONE",
    repeatOf: a.repeatOf ? { title: a.repeatOf.title, incident: { id: a.repeatOf.review.incidentId, number: a.repeatOf.review.incident.number } } : null,
  }));
  const fromItems: StuckAction[] = items.map((i) => ({
    kind: "incident-action", id: i.id, title: i.title, ageDays: ageDays(i.createdAt, now), team: i.team, owner: i.owner?.name ?? null,
    incident: i.incident, stuck: true, repeatOf: null,
  }));
  return { items: [...fromReviews, ...fromItems].sort((a, b) => b.ageDays - a.ageDays).slice(0, EVIDENCE_CAP), stuck: reviewCount + itemCount, repeated: repeatCount };
}

export type AccountabilitySignal = {
  service: Named;
  from: Named | null;
  to: Named;
  changedAt: Date;
  leadTime: Comparison;
  timeToRestore: Comparison;
};

type MoveRow = {
  serviceId: string; changedAt: Date; service: Named; fromTeam: Named | null; toTeam: Named;
  /** [finishedAt ms, lead time ms] of production releases around the move; [lostAt ms, restore ms] of incidents. */
  deployments: [number, number][] | null;
  incidents: [number, number][] | null;
};

/** Ownership moves of the last year (at least 14 days old) and the releases and restores around each: one statement. */
export async function lostAccountability(tx: DbTx, now: Date): Promise<AccountabilitySignal[]> {
  const at = now.toISOString();
  const window = `${ACCOUNTABILITY_WINDOW_DAYS} days`;
  const rows = await tx.$queryRaw<MoveRow[]>`
    WITH m AS (
      SELECT c."serviceId", c."changedAt", c."fromTeamId", c."toTeamId" FROM "ServiceOwnerChange" c
       WHERE c."changedAt" >= (${at}::timestamptz AT TIME ZONE 'UTC') - interval '365 days'
         AND c."changedAt" <= (${at}::timestamptz AT TIME ZONE 'UTC') - interval '14 days'
       ORDER BY c."changedAt" DESC LIMIT 200)
    SELECT m."serviceId", m."changedAt",
           json_build_object('slug', s.slug, 'name', s.name) AS service,
           CASE WHEN f.id IS NULL THEN NULL ELSE json_build_object('slug', f.slug, 'name', f.name) END AS "fromTeam",
           json_build_object('slug', t.slug, 'name', t.name) AS "toTeam",
           (SELECT json_agg(json_build_array(extract(epoch FROM d."finishedAt") * 1000, greatest(0, extract(epoch FROM (d."finishedAt" - d."firstCommitAt")) * 1000)))
              FROM "Deployment" d
             WHERE d."serviceId" = m."serviceId" AND d."environmentId" IN (SELECT id FROM "Environment" WHERE "isProduction")
               AND d.status IN ('SUCCEEDED', 'ROLLED_BACK') AND d."firstCommitAt" IS NOT NULL
               AND d."finishedAt" >= m."changedAt" - ${window}::interval AND d."finishedAt" < m."changedAt" + ${window}::interval) AS deployments,
           (SELECT json_agg(json_build_array(extract(epoch FROM i."availabilityLostAt") * 1000, extract(epoch FROM (i."availabilityRegainedAt" - i."availabilityLostAt")) * 1000))
              FROM "IncidentService" si JOIN "Incident" i ON i.id = si."incidentId"
             WHERE si."serviceId" = m."serviceId" AND i."availabilityRegainedAt" IS NOT NULL
               AND i."availabilityLostAt" >= m."changedAt" - ${window}::interval AND i."availabilityLostAt" < m."changedAt" + ${window}::interval) AS incidents
      FROM m JOIN "Service" s ON s.id = m."serviceId" JOIN "Team" t ON t.id = m."toTeamId" LEFT JOIN "Team" f ON f.id = m."fromTeamId"`;
  const judged = rows.flatMap((row) => {
    const changedAt = new Date(row.changedAt);
    const windows = accountabilityWindows(changedAt, now);
    if (!windows) return [];
    const split = (pairs: [number, number][] | null) => {
      const before: number[] = [];
      const after: number[] = [];
      for (const [instant, value] of pairs ?? []) {
        if (instant < windows.before.from.getTime() || instant >= windows.after.to.getTime()) continue;
        (instant < changedAt.getTime() ? before : after).push(Number(value));
      }
      return compareMedians(before, after);
    };
    const leadTime = split(row.deployments);
    const timeToRestore = split(row.incidents);
    if (!leadTime.worse && !timeToRestore.worse) return [];
    return [{ service: row.service, from: row.fromTeam, to: row.toTeam, changedAt, leadTime, timeToRestore }];
  });
  return judged.slice(0, EVIDENCE_CAP);
}

export type SignalsOverview = {
  inflated: InflatedTargets;
  rotas: RotaSignal[];
  treacle: TreacleSignals;
  unplanned: UnplannedSignal[];
  stuck: Awaited<ReturnType<typeof stuckActions>>;
  accountability: AccountabilitySignal[];
};

/** Every signal with its evidence. The caller has checked signals.read. */
export async function signalsOverview(tx: Db, now = new Date()): Promise<SignalsOverview> {
  const [inflated, rotas, treacle, unplanned, stuck, accountability] = await Promise.all([
    inflatedTargets(tx), thinRotas(tx, now), treacleSignals(tx, now), unplannedWork(tx, now), stuckActions(tx, now), lostAccountability(tx, now),
  ]);
  return { inflated, rotas, treacle, unplanned, stuck, accountability };
}
