// The learning library's search: published reviews, full-text over the trigger-kept searchVector
// (websearch_to_tsquery, so "queue -kafka" and "quoted phrases" work as people expect), ranked, with a
// few highlighted fragments per hit (ts_headline on the page's rows only: it re-parses the text, so it
// must never run over every match), filtered by tag, service and team, paged by keyset.
//
// Order: with a query, rank (rounded to 6 places so the cursor compares exactly), then newest; without
// one, newest first on the (publishedAt DESC, id) index.
import { z } from "zod";
import type { DbTx } from "../db";
import { Prisma } from "../generated/prisma/client.ts";
import type { TLibraryQuery } from "./schemas";

/** Marks around a highlighted word: characters no review text is expected to hold, turned into <mark> by the page. */
export const MARK_START = "\u27e6";
export const MARK_END = "\u27e7";

const ZCursor = z.object({ r: z.string().regex(/^\d{1,3}(\.\d{1,6})?$/).optional(), at: z.number().int().nonnegative(), id: z.string().min(1).max(64) });
type Cursor = z.infer<typeof ZCursor>;

export function encodeLibraryCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** A cursor of ours, or null (a hand-edited one starts from the top). */
export function decodeLibraryCursor(value: string | undefined): Cursor | null {
  if (!value) return null;
  try {
    const parsed = ZCursor.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type LibraryHit = {
  id: string;
  number: number;
  title: string;
  publishedAt: Date;
  tags: string[];
  service: { slug: string; name: string };
  team: { slug: string; name: string };
  /** Fragments with MARK_START/MARK_END around the words that matched; the summary's start without a query. */
  snippet: string;
  rank: number | null;
  readers: number;
};

const ZRow = z.object({
  id: z.string(), number: z.number().int(), title: z.string(), published_at: z.date(), tags: z.array(z.string()),
  service_slug: z.string(), service_name: z.string(), team_slug: z.string(), team_name: z.string(),
  snippet: z.string().nullable(), rank: z.string().nullable(), readers: z.union([z.bigint(), z.number()]),
});

const utc = (date: Date) => Prisma.sql`${date.toISOString()}::timestamptz AT TIME ZONE 'UTC'`;

export async function searchLibrary(tx: DbTx, query: TLibraryQuery): Promise<{ hits: LibraryHit[]; next: string | null }> {
  const q = query.q?.trim() ? query.q.trim() : null;
  const cursor = decodeLibraryCursor(query.cursor);
  const tsQuery = Prisma.sql`websearch_to_tsquery('english', ${q ?? ""})`;
  const rank = Prisma.sql`round(ts_rank_cd(r."searchVector", ${tsQuery})::numeric, 6)`;
  const where: Prisma.Sql[] = [Prisma.sql`r.status = 'PUBLISHED'`];
  if (q) where.push(Prisma.sql`r."searchVector" @@ ${tsQuery}`);
  if (query.tag) where.push(Prisma.sql`${query.tag} = ANY(r.tags)`);
  if (query.service) where.push(Prisma.sql`s.slug = ${query.service}`);
  if (query.team) where.push(Prisma.sql`t.slug = ${query.team}`);
  if (cursor) {
    where.push(q && cursor.r !== undefined
      ? Prisma.sql`(${rank}, r."publishedAt", r.id) < (${cursor.r}::numeric, ${utc(new Date(cursor.at))}, ${cursor.id})`
      : Prisma.sql`(r."publishedAt", r.id) < (${utc(new Date(cursor.at))}, ${cursor.id})`);
  }
  const order = q ? Prisma.sql`rank DESC, r."publishedAt" DESC, r.id DESC` : Prisma.sql`r."publishedAt" DESC, r.id DESC`;
  const headline = q
    ? Prisma.sql`ts_headline('english', page.summary || ' ' || page.learnings || ' ' || page."wasHard", ${tsQuery}, ${`MaxFragments=3, MaxWords=16, MinWords=6, FragmentDelimiter=" … ", StartSel=${MARK_START}, StopSel=${MARK_END}`})`
    : Prisma.sql`left(page.summary, 240)`;
  const rows = await tx.$queryRaw<unknown[]>`
    SELECT page.id, page.number, page.title, page."publishedAt" AS published_at, page.tags,
           page.service_slug, page.service_name, page.team_slug, page.team_name, page.rank::text AS rank,
           ${headline} AS snippet,
           (SELECT count(*) FROM "ReviewReader" rr WHERE rr."reviewId" = page.id) AS readers
      FROM (
        SELECT r.id, r.number, r.title, r."publishedAt", coalesce(r.tags, ARRAY[]::text[]) AS tags, r.summary, r.learnings, r."wasHard",
               s.slug AS service_slug, s.name AS service_name, t.slug AS team_slug, t.name AS team_name,
               ${q ? rank : Prisma.sql`NULL::numeric`} AS rank
          FROM "PostIncidentReview" r
          JOIN "Service" s ON s.id = r."serviceId"
          JOIN "Team" t ON t.id = r."teamId"
         WHERE ${Prisma.join(where, " AND ")}
         ORDER BY ${order}
         LIMIT ${query.limit + 1}
      ) page
     ORDER BY ${q ? Prisma.sql`page.rank DESC, page."publishedAt" DESC, page.id DESC` : Prisma.sql`page."publishedAt" DESC, page.id DESC`}`;
  const decoded = rows.map((row) => ZRow.parse(row));
  const more = decoded.length > query.limit;
  const page = decoded.slice(0, query.limit);
  const hits = page.map((row): LibraryHit => ({
    id: row.id, number: row.number, title: row.title, publishedAt: row.published_at, tags: row.tags,
    service: { slug: row.service_slug, name: row.service_name }, team: { slug: row.team_slug, name: row.team_name },
    snippet: row.snippet ?? "", rank: row.rank === null ? null : Number(row.rank), readers: Number(row.readers),
  }));
  const last = page.at(-1);
  const next = more && last ? encodeLibraryCursor({ ...(q ? { r: last.rank ?? "0" } : {}), at: last.published_at.getTime(), id: last.id }) : null;
  return { hits, next };
}
