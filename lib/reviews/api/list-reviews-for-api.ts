// GET /api/v1/reviews: published reviews for tools (a chat bot answering "have we seen this before?").
// The library's own search (library-sql.ts), so a tool finds what the page finds. Sessions only:
// reviews.read has no token grant.
import type { Actor } from "../../auth/actor";
import { authorize } from "../../authz/can";
import type { Db } from "../../db";
import { AppError, parseInput } from "../../errors";
import { decodeLibraryCursor, MARK_END, MARK_START, searchLibrary } from "../library-sql";
import { reviewHref } from "../paths";
import { ZLibraryQuery } from "../schemas";

const BAD_CURSOR = "That cursor is not one Runwell gave out: pass the `next` of the previous page.";

export async function listReviewsForApi(prisma: Db, actor: Actor, input: unknown, origin = "") {
  authorize(actor, "reviews.read");
  const query = parseInput(ZLibraryQuery, input);
  if (query.cursor && !decodeLibraryCursor(query.cursor)) throw AppError.validation({ cursor: [BAD_CURSOR] });
  const { hits, next } = await searchLibrary(prisma, query);
  return {
    reviews: hits.map((hit) => ({
      id: hit.id, number: hit.number, title: hit.title, service: hit.service.slug, team: hit.team.slug, tags: hit.tags,
      publishedAt: hit.publishedAt.toISOString(), readers: hit.readers, rank: hit.rank,
      // The highlighted words are set in **…** for a chat message.
      snippet: hit.snippet.split(MARK_START).join("**").split(MARK_END).join("**"),
      url: `${origin}${reviewHref(hit.id)}`,
    })),
    next,
  };
}
