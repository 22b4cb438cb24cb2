// Reads that need SQL Prisma cannot express: ranked full-text search over the weighted,
// GIN-indexed tsvector, review-cadence arithmetic, and the alert lookup. (Split from queries.ts for size.)
import { Prisma } from "../generated/prisma/client.ts";
import type { Db, DbTx } from "../db";
import { reviewStatus, type ReviewStatus } from "./review-status";
import type { TRunbookSearch } from "./schemas";

import { MARK_END, MARK_START } from "./search-marks";
import { prefixTerms, searchWords } from "./search-words";

export { MARK_END, MARK_START };

export type SearchHit = {
  id: string;
  slug: string;
  title: string;
  /** Title and body excerpt with matches between MARK_START and MARK_END. */
  titleHighlight: string;
  snippet: string;
  tags: string[];
  alertNames: string[];
  service: { slug: string; name: string };
  team: { slug: string; name: string };
  rank: number;
  review: ReviewStatus;
};

type HitRow = Omit<SearchHit, "service" | "team" | "review"> & {
  serviceSlug: string; serviceName: string; teamSlug: string; teamName: string; lastReviewedAt: Date; reviewIntervalDays: number; total: bigint;
};

export type SearchPage = { hits: SearchHit[]; total: number; page: number; pageSize: number };

/**
 * Results per page. ts_headline (the highlighted snippet) is the costly part of a search, about
 * 0.6 ms a hit on 1–3 kB bodies, so a page is 20 hits, as on most search pages, rather than 50.
 */
export const SEARCH_PAGE_SIZE = 20;

/**
 * Runs a search query with random_page_cost at 1.1 (the usual value for SSDs and cached data) for
 * its transaction only. With the default of 4 the planner prefers a sequential scan for any term in
 * more than a few percent of runbooks, not counting that each row's tsvector must then be
 * de-TOASTed and matched: measured at 10,000 runbooks, the GIN bitmap scan is 2-3 times faster.
 */
export async function withSearchPlanner<T>(prisma: Db, query: Prisma.PrismaPromise<T>): Promise<T> {
  const [, result] = await prisma.$transaction([prisma.$executeRaw`SET LOCAL random_page_cost = 1.1`, query]);
  return result;
}

/**
 * Ranked search (title > tags/alerts > body); without terms, the filtered list in title order.
 * Returns one page of hits and the number of all matches.
 */
export async function searchRunbooks(prisma: Db, filters: TRunbookSearch, now = new Date()): Promise<SearchPage> {
  const page = filters.page ?? 1;
  const conditions: Prisma.Sql[] = [Prisma.sql`s."archivedAt" IS NULL`];
  if (filters.team) conditions.push(Prisma.sql`t.slug = ${filters.team}`);
  if (filters.service) conditions.push(Prisma.sql`s.slug = ${filters.service}`);
  if (filters.stale) conditions.push(Prisma.sql`r."lastReviewedAt" + make_interval(days => r."reviewIntervalDays") <= ${now}`);
  const typed = filters.q?.trim();
  const terms = typed ? searchWords(typed) : undefined;
  if (terms) conditions.push(Prisma.sql`r."searchVector" @@ websearch_to_tsquery('english', ${terms})`);
  const where = Prisma.join(conditions, " AND ");
  const headline = (column: Prisma.Sql, options: string) =>
    terms
      ? Prisma.sql`ts_headline('english', ${column}, websearch_to_tsquery('english', ${terms}), ${`StartSel=${MARK_START}, StopSel=${MARK_END}, ${options}`})`
      : Prisma.sql`${column}`;
  // Rank and limit first on the index-friendly columns; ts_headline (costly) runs only on the hits shown.
  const rows = await withSearchPlanner(prisma, prisma.$queryRaw<HitRow[]>`
    WITH hits AS (
      SELECT r.id, ${terms ? Prisma.sql`ts_rank(r."searchVector", websearch_to_tsquery('english', ${terms}))` : Prisma.sql`0`}::float8 AS rank,
        count(*) OVER () AS total
      FROM "Runbook" r JOIN "Service" s ON s.id = r."serviceId" JOIN "Team" t ON t.id = s."teamId"
      WHERE ${where}
      ORDER BY rank DESC, r.title ASC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT r.id, r.slug, r.title, r.tags, r."alertNames", r."lastReviewedAt", r."reviewIntervalDays", hits.rank, hits.total,
      ${headline(Prisma.sql`r.title`, "HighlightAll=true")} AS "titleHighlight",
      ${terms ? headline(Prisma.sql`r.body`, "MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \"") : Prisma.sql`left(r.body, 240)`} AS snippet,
      s.slug AS "serviceSlug", s.name AS "serviceName", t.slug AS "teamSlug", t.name AS "teamName"
    FROM hits JOIN "Runbook" r ON r.id = hits.id JOIN "Service" s ON s.id = r."serviceId" JOIN "Team" t ON t.id = s."teamId"
    ORDER BY hits.rank DESC, r.title ASC`);
  const total = rows.length ? Number(rows[0]!.total) : page > 1 ? await countMatches(prisma, where) : 0;
  const hits = rows.map(({ serviceSlug, serviceName, teamSlug, teamName, lastReviewedAt, reviewIntervalDays, total: _total, ...row }) => ({
    ...row,
    rank: Number(row.rank),
    service: { slug: serviceSlug, name: serviceName },
    team: { slug: teamSlug, name: teamName },
    review: reviewStatus(lastReviewedAt, reviewIntervalDays, now),
  }));
  return { hits, total, page, pageSize: SEARCH_PAGE_SIZE };
}

/** A page past the last one has no rows to carry the count, so it is counted apart. */
async function countMatches(prisma: Db, where: Prisma.Sql): Promise<number> {
  const [row] = await withSearchPlanner(prisma, prisma.$queryRaw<{ total: bigint }[]>`
    SELECT count(*) AS total FROM "Runbook" r JOIN "Service" s ON s.id = r."serviceId" JOIN "Team" t ON t.id = s."teamId" WHERE ${where}`);
  return Number(row?.total ?? 0);
}

export type StaleRunbook = { id: string; slug: string; title: string; service: { slug: string; name: string }; owner: string | null; review: ReviewStatus };

/** Runbooks past their review date, of the given teams' services (all teams without a filter). */
export async function listStaleRunbooks(prisma: Db, options: { teamIds?: string[]; limit?: number } = {}, now = new Date()): Promise<StaleRunbook[]> {
  const teamFilter = options.teamIds ? Prisma.sql`AND s."teamId" = ANY(${options.teamIds}::text[])` : Prisma.empty;
  const rows = await prisma.$queryRaw<{ id: string; slug: string; title: string; serviceSlug: string; serviceName: string; owner: string | null; lastReviewedAt: Date; reviewIntervalDays: number }[]>`
    SELECT r.id, r.slug, r.title, s.slug AS "serviceSlug", s.name AS "serviceName", p.name AS owner, r."lastReviewedAt", r."reviewIntervalDays"
    FROM "Runbook" r JOIN "Service" s ON s.id = r."serviceId" LEFT JOIN "Person" p ON p.id = r."ownerId"
    WHERE s."archivedAt" IS NULL ${teamFilter}
      AND r."lastReviewedAt" + make_interval(days => r."reviewIntervalDays") <= ${now}
    ORDER BY r."lastReviewedAt" + make_interval(days => r."reviewIntervalDays") ASC
    LIMIT ${options.limit ?? 100}`;
  return rows.map(({ serviceSlug, serviceName, lastReviewedAt, reviewIntervalDays, ...row }) => ({
    ...row,
    service: { slug: serviceSlug, name: serviceName },
    review: reviewStatus(lastReviewedAt, reviewIntervalDays, now),
  }));
}

/** The runbook an alert links to, for alerting tools: one per alert name within a service (also inside an alert's ingest transaction). */
export async function findRunbookForAlert(prisma: DbTx, serviceSlug: string, alertName: string) {
  return prisma.runbook.findFirst({
    where: { service: { slug: serviceSlug }, alertNames: { has: alertName } },
    orderBy: { createdAt: "asc" },
    select: { id: true, slug: true, title: true, serviceId: true, service: { select: { slug: true } } },
  });
}

export type QuickFindResult = {
  services: { slug: string; name: string; team: string }[];
  runbooks: { slug: string; title: string; serviceSlug: string; serviceName: string }[];
  people: { id: string; name: string; email: string }[];
};

/** The Ctrl/Cmd-K palette: a few of each kind by name; prefix matching on runbooks through the index. */
export async function quickFind(prisma: Db, query: string): Promise<QuickFindResult> {
  const q = query.trim().slice(0, 100);
  if (!q) return { services: [], runbooks: [], people: [] };
  const prefixQuery = prefixTerms(q).map((word) => `${word}:*`).join(" & ");
  const [services, runbooks, people] = await Promise.all([
    prisma.service.findMany({
      where: { archivedAt: null, OR: [{ name: { contains: q, mode: "insensitive" } }, { slug: { contains: q, mode: "insensitive" } }] },
      orderBy: { name: "asc" },
      take: 5,
      select: { slug: true, name: true, team: { select: { name: true } } },
    }),
    prefixQuery
      ? withSearchPlanner(prisma, prisma.$queryRaw<{ slug: string; title: string; serviceSlug: string; serviceName: string }[]>`
          SELECT r.slug, r.title, s.slug AS "serviceSlug", s.name AS "serviceName"
          FROM "Runbook" r JOIN "Service" s ON s.id = r."serviceId"
          WHERE s."archivedAt" IS NULL AND r."searchVector" @@ to_tsquery('english', ${prefixQuery})
          ORDER BY ts_rank(r."searchVector", to_tsquery('english', ${prefixQuery})) DESC, r.title LIMIT 5`)
      : Promise.resolve([]),
    prisma.person.findMany({
      where: { deactivatedAt: null, OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] },
      orderBy: { name: "asc" },
      take: 5,
      select: { id: true, name: true, email: true },
    }),
  ]);
  return { services: services.map((service) => ({ slug: service.slug, name: service.name, team: service.team.name })), runbooks, people };
}
