// Reads of the backlog: a team's backlog page (items in priority order, the balance, the signal, the
// improvement actions) and, for the product manager's home, the balance and actions of many teams.
import { z } from "zod";
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { DbTx } from "../db";
import type { Prisma } from "../generated/prisma/client.ts";
import { flaggedServicesOfTeams, type FlaggedService } from "../reliability/overview";
import { actionFlags, type ActionFlags } from "./action-flags";
import { doneByWeek, isoWeekStart, plannedShare, DONE_WEEKS, type Share, type WeekShare } from "./balance";

export const SIGNAL_REASON = "reliability needs operational work first";
/** Done improvement actions stay on the list for this long. */
export const RECENTLY_DONE_DAYS = 28;
const DAY = 86_400_000;

export type BacklogSignal = { reason: string; services: { slug: string; name: string; reasons: FlaggedService["reasons"] }[] };

const ITEM_SELECT = {
  id: true, number: true, title: true, description: true, type: true, subtype: true, status: true, estimate: true, rank: true, labels: true,
  dueAt: true, startedAt: true, doneAt: true, createdAt: true, source: true, importedKey: true, deploymentId: true, hypothesisId: true,
  owner: { select: { id: true, name: true } },
  service: { select: { id: true, slug: true, name: true } },
  incident: { select: { id: true, number: true, title: true } },
  reviewAction: {
    select: {
      review: { select: { id: true, number: true, publishedAt: true } },
      repeatOf: { select: { title: true, backlogItem: { select: { id: true, number: true, title: true, team: { select: { slug: true } } } } } },
      repeatedBy: { select: { backlogItem: { select: { id: true, number: true, title: true, team: { select: { slug: true } } } } }, take: 5 },
    },
  },
} satisfies Prisma.BacklogItemSelect;

type ItemRow = Prisma.BacklogItemGetPayload<{ select: typeof ITEM_SELECT }>;
type LinkedItem = { id: string; number: number; title: string; teamSlug: string };

export type BacklogItemView = Omit<ItemRow, "reviewAction" | "rank"> & {
  /** 1..n in the backlog's priority order. */
  position: number;
  action: (ActionFlags & { review: { id: string; number: number }; repeatOf: LinkedItem | { title: string } | null; repeatedBy: LinkedItem[] }) | null;
};

const linked = (item: { id: string; number: number; title: string; team: { slug: string } } | null | undefined): LinkedItem | null =>
  item ? { id: item.id, number: item.number, title: item.title, teamSlug: item.team.slug } : null;

function toView(row: ItemRow, position: number, now: Date): BacklogItemView {
  const { reviewAction, rank: _rank, ...item } = row;
  const action = reviewAction
    ? {
        ...actionFlags({ status: row.status, createdAt: row.createdAt, dueAt: row.dueAt, doneAt: row.doneAt, publishedAt: reviewAction.review.publishedAt }, now),
        review: { id: reviewAction.review.id, number: reviewAction.review.number },
        repeatOf: reviewAction.repeatOf ? (linked(reviewAction.repeatOf.backlogItem) ?? { title: reviewAction.repeatOf.title }) : null,
        repeatedBy: reviewAction.repeatedBy.flatMap((r) => linked(r.backlogItem) ?? []),
      }
    : null;
  return { ...item, position, action };
}

export type TeamBalance = {
  team: { id: string; slug: string; name: string };
  target: number | null;
  planned: Share;
  doneByWeek: WeekShare[];
  signal: BacklogSignal | null;
};

type BalanceRow = { teamId: string; type: "PRODUCT" | "OPERATIONAL"; status: "TODO" | "DOING" | "DONE"; estimate: number | null; doneAt: Date | null };

const ZBalanceAggregate = z.object({
  teamId: z.string(), type: z.enum(["PRODUCT", "OPERATIONAL"]), status: z.enum(["TODO", "DOING", "DONE"]),
  week: z.date().nullable(), points: z.coerce.number().int(), unestimated: z.coerce.number().int(),
});

/**
 * The balance's inputs, summed in the database: per team, type, status and (for done work) ISO week
 * in UTC, the points and the number of unestimated items. Each sum comes back as the items the pure
 * rules read (one item carrying the points, one per unestimated item), so balance.ts stays the one
 * place the arithmetic lives, and a backlog of 2,000 items is a few dozen rows.
 */
async function balanceRows(tx: DbTx, teamIds: readonly string[], now: Date): Promise<BalanceRow[]> {
  const since = new Date(isoWeekStart(now).getTime() - (DONE_WEEKS - 1) * 7 * DAY);
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT "teamId", type::text AS type, status::text AS status,
           CASE WHEN status = 'DONE' THEN date_trunc('week', "doneAt") END AS week,
           coalesce(sum(estimate), 0)::int AS points, count(*) FILTER (WHERE estimate IS NULL)::int AS unestimated
      FROM "BacklogItem"
     WHERE "teamId" = ANY(${[...teamIds]}::text[])
       AND (status IN ('TODO', 'DOING') OR (status = 'DONE' AND "doneAt" >= (${since.toISOString()}::timestamptz AT TIME ZONE 'UTC')))
     GROUP BY 1, 2, 3, 4`;
  return rows.flatMap((raw) => {
    const row = ZBalanceAggregate.parse(raw);
    const doneAt = row.week ? new Date(row.week.getTime()) : null;
    const base = { teamId: row.teamId, type: row.type, status: row.status, doneAt };
    return [{ ...base, estimate: row.points }, ...Array.from({ length: row.unestimated }, () => ({ ...base, estimate: null }))];
  });
}

function signalOf(flagged: readonly FlaggedService[]): BacklogSignal | null {
  const services = flagged.filter((s) => s.reasons.some((r) => r !== "SLOW_BURN")).map((s) => ({ slug: s.slug, name: s.name, reasons: s.reasons }));
  return services.length ? { reason: SIGNAL_REASON, services } : null;
}

/** The balance of each team: target, planned share, done share per ISO week (UTC), the reliability signal. */
export async function teamBalances(tx: DbTx, teamIds: readonly string[], now: Date, known?: { flagged: readonly FlaggedService[] }): Promise<TeamBalance[]> {
  if (teamIds.length === 0) return [];
  // The product manager's home has the teams' flagged services already: it passes them in.
  const [teams, rows, flagged] = await Promise.all([
    tx.team.findMany({ where: { id: { in: [...teamIds] } }, select: { id: true, slug: true, name: true, targetOperationalShare: true }, orderBy: { name: "asc" } }),
    balanceRows(tx, teamIds, now),
    known ? known.flagged : flaggedServicesOfTeams(tx, teamIds, now),
  ]);
  return teams.map((team) => {
    const own = rows.filter((row) => row.teamId === team.id);
    return {
      team: { id: team.id, slug: team.slug, name: team.name },
      target: team.targetOperationalShare,
      planned: plannedShare(own),
      doneByWeek: doneByWeek(own, now),
      signal: signalOf(flagged.filter((service) => service.team.slug === team.slug)),
    };
  });
}

export type ImprovementAction = {
  item: { id: string; number: number; title: string; status: string; dueAt: Date | null; doneAt: Date | null; owner: { id: string; name: string } | null };
  team: { slug: string; name: string };
  review: { id: string; number: number; publishedAt: Date | null };
  repeatOf: LinkedItem | { title: string } | null;
} & ActionFlags;

/** Open improvement actions, and those done in the last RECENTLY_DONE_DAYS days, the oldest first. */
export async function improvementActions(tx: DbTx, teamIds: readonly string[], now: Date): Promise<ImprovementAction[]> {
  if (teamIds.length === 0) return [];
  const rows = await tx.backlogItem.findMany({
    where: {
      teamId: { in: [...teamIds] }, source: "REVIEW_ACTION",
      OR: [{ status: { in: ["TODO", "DOING"] } }, { status: "DONE", doneAt: { gte: new Date(now.getTime() - RECENTLY_DONE_DAYS * DAY) } }],
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
    select: {
      id: true, number: true, title: true, status: true, dueAt: true, doneAt: true, createdAt: true,
      owner: { select: { id: true, name: true } }, team: { select: { slug: true, name: true } },
      reviewAction: { select: { review: { select: { id: true, number: true, publishedAt: true } }, repeatOf: ITEM_SELECT.reviewAction.select.repeatOf } },
    },
  });
  return rows.flatMap((row) => {
    if (!row.reviewAction) return [];
    const { review, repeatOf } = row.reviewAction;
    return [{
      item: { id: row.id, number: row.number, title: row.title, status: row.status, dueAt: row.dueAt, doneAt: row.doneAt, owner: row.owner },
      team: row.team,
      review,
      repeatOf: repeatOf ? (linked(repeatOf.backlogItem) ?? { title: repeatOf.title }) : null,
      ...actionFlags({ status: row.status, createdAt: row.createdAt, dueAt: row.dueAt, doneAt: row.doneAt, publishedAt: review.publishedAt }, now),
    }];
  });
}

export type TeamBacklog = {
  team: { id: string; slug: string; name: string; targetOperationalShare: number | null };
  /** The first `limit` open items in priority order (positions 1..), or every open improvement action. */
  open: BacklogItemView[];
  openCount: number;
  done: BacklogItemView[];
  /** Open operational items that address the signal: linked to a flagged service, or reliability / incident actions. */
  addressing: BacklogItemView[];
  balance: TeamBalance;
  members: { id: string; name: string }[];
  services: { id: string; slug: string; name: string }[];
};

export const DONE_SHOWN = 50;
/** Open items the page lists at first; "show all" lists up to OPEN_SHOWN_MAX. */
export const OPEN_SHOWN = 100;
export const OPEN_SHOWN_MAX = 5_000;
const ADDRESSING_SHOWN = 20;
const OPEN = { status: { in: ["TODO", "DOING"] } } satisfies Prisma.BacklogItemWhereInput;

/** A team's backlog as its page shows it: its open items in priority order, the latest done ones, the balance. */
export async function teamBacklog(
  tx: DbTx, actor: Actor, slug: string, now = new Date(), options: { limit?: number; actionsOnly?: boolean } = {},
): Promise<TeamBacklog | null> {
  authorize(actor, "backlog.read");
  const team = await tx.team.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, targetOperationalShare: true } });
  if (!team) return null;
  const limit = Math.min(options.limit ?? OPEN_SHOWN, OPEN_SHOWN_MAX);
  const [openRows, openCount, doneRows, [balance], members, services] = await Promise.all([
    tx.backlogItem.findMany({ where: { teamId: team.id, ...OPEN, ...(options.actionsOnly ? { source: "REVIEW_ACTION" } : {}) }, orderBy: { rank: "asc" }, take: limit, select: ITEM_SELECT }),
    tx.backlogItem.count({ where: { teamId: team.id, ...OPEN } }),
    tx.backlogItem.findMany({ where: { teamId: team.id, status: "DONE" }, orderBy: [{ doneAt: "desc" }, { id: "asc" }], take: DONE_SHOWN, select: ITEM_SELECT }),
    teamBalances(tx, [team.id], now),
    tx.person.findMany({ where: { memberships: { some: { teamId: team.id } }, deactivatedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    tx.service.findMany({ where: { teamId: team.id, archivedAt: null }, select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const flagged = balance!.signal?.services.map((s) => s.slug) ?? [];
  const addressing = balance!.signal
    ? await tx.backlogItem.findMany({
        where: { teamId: team.id, ...OPEN, type: "OPERATIONAL", OR: [{ service: { slug: { in: flagged } } }, { subtype: { in: ["RELIABILITY", "INCIDENT_ACTION"] } }] },
        orderBy: { rank: "asc" }, take: ADDRESSING_SHOWN, select: ITEM_SELECT,
      })
    : [];
  return {
    team,
    open: openRows.map((row, index) => toView(row, index + 1, now)),
    openCount,
    done: doneRows.map((row) => toView(row, 0, now)),
    addressing: addressing.map((row) => toView(row, 0, now)),
    balance: balance!, members, services,
  };
}

/** The item linked to an incident (its LOW-impact follow-up or review actions), for the incident page. */
export async function backlogItemsOfIncident(tx: DbTx, incidentId: string) {
  return tx.backlogItem.findMany({
    where: { incidentId },
    orderBy: { number: "asc" },
    take: 20,
    select: { id: true, number: true, title: true, status: true, source: true, team: { select: { slug: true, name: true } } },
  });
}

/** Every item of the backlog in priority order, for the CSV export. */
export async function backlogForExport(tx: DbTx, actor: Actor, slug: string) {
  authorize(actor, "backlog.read");
  const team = await tx.team.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!team) return null;
  const items = await tx.backlogItem.findMany({
    where: { teamId: team.id },
    orderBy: { rank: "asc" },
    select: { number: true, importedKey: true, title: true, type: true, subtype: true, status: true, estimate: true, labels: true, description: true, dueAt: true, owner: { select: { name: true } } },
  });
  return { team, items };
}

/** One item by its number within the team, for its page. */
export async function backlogItemByNumber(tx: DbTx, actor: Actor, slug: string, number: number, now = new Date()) {
  authorize(actor, "backlog.read");
  const row = await tx.backlogItem.findFirst({ where: { number, team: { slug } }, select: { ...ITEM_SELECT, teamId: true, team: { select: { id: true, slug: true, name: true } } } });
  if (!row) return null;
  const { team, teamId: _teamId, ...item } = row;
  const [members, services] = await Promise.all([
    tx.person.findMany({ where: { memberships: { some: { teamId: team.id } }, deactivatedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    tx.service.findMany({ where: { teamId: team.id, archivedAt: null }, select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return { team, item: toView(item, 0, now), members, services };
}
