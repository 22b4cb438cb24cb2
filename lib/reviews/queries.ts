// Reads of post-incident reviews: the one place lib/reviews reads them (the library's search is in
// library-sql.ts). A participant's analysis is returned only to its author until it is shared: the
// filter is in the query, so an unshared analysis never leaves the database for anyone else, admins
// and the facilitator included.
import type { PersonActor } from "../auth/actor";
import type { DbTx } from "../db";
import type { ReviewStatus } from "../generated/prisma/enums.ts";
import { DAY } from "../reliability/availability";
import { readAvailabilityInputs } from "../reliability/queries";
import { impactFigures, type ImpactFigures } from "./impact-figures";
import { reviewHref, reviewLabel } from "./paths";

export { searchLibrary, MARK_END, MARK_START, type LibraryHit } from "./library-sql";

/** The analyses `viewer` may read: their own (shared or not) and everyone's shared ones. */
export async function visibleAnalyses(tx: DbTx, reviewId: string, viewerId: string) {
  return tx.reviewParticipant.findMany({
    where: { reviewId, analysis: { not: "" }, OR: [{ personId: viewerId }, { sharedAt: { not: null } }] },
    select: { personId: true, analysis: true, analysisUpdatedAt: true, sharedAt: true, person: { select: { name: true } } },
    orderBy: [{ sharedAt: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
  });
}

/** The impact figures as they stand now (a published review shows its frozen columns instead). */
export async function currentImpact(tx: DbTx, incidentId: string, now: Date): Promise<ImpactFigures> {
  const incident = await tx.incident.findUniqueOrThrow({
    where: { id: incidentId },
    select: { availabilityLostAt: true, availabilityRegainedAt: true, lossPerHour: true, service: { select: { id: true, availabilityTarget: true } } },
  });
  const window = { lostAt: incident.availabilityLostAt, regainedAt: incident.availabilityRegainedAt };
  const inputs = (await readAvailabilityInputs(tx, [incident.service], { from: window.lostAt, to: window.regainedAt ?? now })).get(incident.service.id)!;
  const others = inputs.incidents.filter((other) => other.id !== incidentId);
  return impactFigures({ window, others, changes: inputs.changes, lossPerHour: incident.lossPerHour, now });
}

/** One review for its page, as `viewer` may see it. */
export async function getReview(tx: DbTx, id: string, viewer: PersonActor, now = new Date()) {
  const review = await tx.postIncidentReview.findUnique({
    where: { id },
    select: {
      id: true, number: true, title: true, status: true, dueAt: true, scheduledAt: true, publishedAt: true,
      summary: true, impactNotes: true, wentWell: true, wasHard: true, learnings: true, tags: true,
      availabilityLostMinutes: true, budgetSpentMinutes: true, estimatedLoss: true, teamId: true,
      incident: { select: { id: true, number: true, title: true, status: true, impact: true, lossPerHour: true } },
      service: { select: { id: true, slug: true, name: true } },
      team: { select: { id: true, slug: true, name: true } },
      facilitator: { select: { id: true, name: true } },
      scheduledBy: { select: { id: true, name: true } },
      publishedBy: { select: { id: true, name: true } },
      participants: { select: { personId: true, sharedAt: true, invitedAt: true, person: { select: { name: true } } }, orderBy: { invitedAt: "asc" } },
      timeline: { select: { id: true, occurredAt: true, message: true, incidentEntryId: true }, orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] },
      factors: { select: { id: true, kind: true, description: true, tags: true }, orderBy: { createdAt: "asc" } },
      actions: {
        select: {
          id: true, title: true, description: true, dueAt: true, factorId: true,
          owner: { select: { id: true, name: true } },
          repeatOf: { select: { id: true, title: true, review: { select: { id: true, number: true } } } },
          repeatedBy: { select: { id: true, title: true, review: { select: { id: true, number: true, status: true } } } },
        },
        orderBy: { createdAt: "asc" },
      },
      _count: { select: { readers: true } },
    },
  });
  if (!review) return null;
  const analyses = await visibleAnalyses(tx, id, viewer.id);
  const impact = review.status === "PUBLISHED"
    ? { availabilityLostMinutes: review.availabilityLostMinutes ?? 0, budgetSpentMinutes: review.budgetSpentMinutes ?? 0, estimatedLoss: review.estimatedLoss, budgetShare: null }
    : await currentImpact(tx, review.incident.id, now);
  const repeatedBy = review.actions.map((action) => ({ ...action, repeatedBy: action.repeatedBy.filter((later) => later.review.status === "PUBLISHED") }));
  const participant = review.participants.find((p) => p.personId === viewer.id) ?? null;
  return { ...review, actions: repeatedBy, analyses, impact, readers: review._count.readers, viewerIsParticipant: participant !== null, viewerShared: participant?.sharedAt != null };
}
export type ReviewDetail = NonNullable<Awaited<ReturnType<typeof getReview>>>;

/** The review of an incident, for its page. */
export async function reviewOfIncident(tx: DbTx, incidentId: string) {
  return tx.postIncidentReview.findUnique({ where: { incidentId }, select: { id: true, number: true, status: true, dueAt: true, publishedAt: true } });
}

/** A service's reviews, newest first: its page's "Reviews" section. */
export async function reviewsOfService(tx: DbTx, serviceId: string, limit = 10) {
  return tx.postIncidentReview.findMany({
    where: { serviceId },
    select: { id: true, number: true, title: true, status: true, dueAt: true, publishedAt: true, _count: { select: { readers: true } } },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { scheduledAt: "desc" }],
    take: limit,
  });
}

/** Reviews not yet published, soonest due first (optionally of some teams). */
export async function reviewsInProgress(tx: DbTx, options: { teamIds?: readonly string[]; limit?: number } = {}) {
  return tx.postIncidentReview.findMany({
    where: { status: { not: "PUBLISHED" }, ...(options.teamIds ? { teamId: { in: [...options.teamIds] } } : {}) },
    select: {
      id: true, number: true, title: true, status: true, dueAt: true, scheduledAt: true,
      service: { select: { slug: true, name: true } }, team: { select: { slug: true, name: true } },
      incident: { select: { id: true, number: true } },
      _count: { select: { participants: true } },
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: options.limit ?? 50,
  });
}

/** Tags of published reviews, most used first, for the library's filter. */
export async function libraryTags(tx: DbTx, limit = 30): Promise<{ tag: string; count: number }[]> {
  const rows = await tx.$queryRaw<{ tag: string; count: bigint }[]>`
    SELECT tag, count(*) AS count FROM "PostIncidentReview", unnest(tags) AS tag
     WHERE status = 'PUBLISHED' GROUP BY tag ORDER BY count(*) DESC, tag LIMIT ${limit}`;
  return rows.map((row) => ({ tag: String(row.tag), count: Number(row.count) }));
}

export type ReviewDue = {
  id: string; label: string; title: string; status: ReviewStatus; dueAt: Date; overdue: boolean;
  href: string; incident: { number: number; href: string }; team: { id: string; name: string };
};

/** Open reviews of the teams with their due date and whether they are overdue, soonest due first. */
export async function reviewsDueForTeams(tx: DbTx, teamIds: readonly string[], now: Date): Promise<ReviewDue[]> {
  if (teamIds.length === 0) return [];
  const rows = await tx.postIncidentReview.findMany({
    where: { teamId: { in: [...teamIds] }, status: { not: "PUBLISHED" } },
    select: { id: true, number: true, title: true, status: true, dueAt: true, incident: { select: { id: true, number: true } }, team: { select: { id: true, name: true } } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((row) => ({
    id: row.id, label: reviewLabel(row.number), title: row.title, status: row.status, dueAt: row.dueAt, overdue: row.dueAt.getTime() < now.getTime(),
    href: reviewHref(row.id), incident: { number: row.incident.number, href: `/incidents/${row.incident.id}` }, team: row.team,
  }));
}

export const CANDIDATE_DAYS = 14;

export type ReviewCandidate = {
  incident: { id: string; number: number; title: string; impact: "HIGH" | "MEDIUM" | "LOW"; resolvedAt: Date | null; href: string };
  team: { id: string; name: string };
  /** "major": should already have one (rare: scheduled automatically); "minor": may deserve one. */
  kind: "major" | "minor";
  label: string;
};

/**
 * Reviews to schedule: resolved (or closed) major incidents of the teams with no review, and minor ones
 * resolved in the last 14 days without one, majors first.
 */
export async function majorIncidentsAwaitingReview(tx: DbTx, teamIds: readonly string[], now: Date): Promise<ReviewCandidate[]> {
  if (teamIds.length === 0) return [];
  const rows = await tx.incident.findMany({
    where: {
      teamId: { in: [...teamIds] }, status: { in: ["RESOLVED", "CLOSED"] }, review: null,
      OR: [{ impact: "HIGH" }, { resolvedAt: { gte: new Date(now.getTime() - CANDIDATE_DAYS * DAY) } }],
    },
    select: { id: true, number: true, title: true, impact: true, resolvedAt: true, team: { select: { id: true, name: true } } },
    orderBy: [{ resolvedAt: "desc" }, { id: "asc" }],
    take: 100,
  });
  return rows
    .map((row): ReviewCandidate => ({
      incident: { id: row.id, number: row.number, title: row.title, impact: row.impact, resolvedAt: row.resolvedAt, href: `/incidents/${row.id}` },
      team: row.team,
      kind: row.impact === "HIGH" ? "major" : "minor",
      label: row.impact === "HIGH" ? "Major incident without a review" : "Minor incident: schedule a review if there is something to learn",
    }))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "major" ? -1 : 1));
}

export type ReviewCompletion = { majorIncidents: number; publishedOnTime: number; share: number | null; days: number };

/**
 * The completion measure: of the major incidents triggered in the last `days` days (of the teams, or
 * all), the share whose review was published by its due date. A review still open, or published late,
 * does not count; an incident without a review counts against.
 */
export async function reviewCompletion(tx: DbTx, options: { teamIds?: readonly string[]; now: Date; days?: number }): Promise<ReviewCompletion> {
  const days = options.days ?? 90;
  const from = new Date(options.now.getTime() - days * DAY);
  const where = { impact: "HIGH" as const, triggeredAt: { gte: from, lte: options.now }, ...(options.teamIds ? { teamId: { in: [...options.teamIds] } } : {}) };
  const [majorIncidents, reviews] = await Promise.all([
    tx.incident.count({ where }),
    tx.postIncidentReview.findMany({ where: { status: "PUBLISHED", incident: where }, select: { dueAt: true, publishedAt: true } }),
  ]);
  const publishedOnTime = reviews.filter((review) => review.publishedAt && review.publishedAt.getTime() <= review.dueAt.getTime()).length;
  return { majorIncidents, publishedOnTime, share: majorIncidents ? publishedOnTime / majorIncidents : null, days };
}

/** People to invite or to make owner or facilitator: active, by name. */
export async function reviewPeople(tx: DbTx) {
  return tx.person.findMany({ where: { deactivatedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true }, take: 500 });
}
