import type { Metadata } from "next";
import { CompletionCard, LibraryResults, LibrarySearchForm, ReviewsInProgress } from "@/components/reviews/library";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { firstValues } from "@/lib/deployments/search-params";
import { libraryTags, reviewCompletion, reviewsInProgress, searchLibrary } from "@/lib/reviews/queries";
import { ZLibraryQuery } from "@/lib/reviews/schemas";

export const metadata: Metadata = { title: "Reviews" };

export default async function ReviewsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const person = await requirePerson();
  requirePermission(person, "reviews.read");
  const params = firstValues(await searchParams);
  const parsed = ZLibraryQuery.safeParse(params);
  // A hand-edited URL with a bad value shows the whole library rather than an error page.
  const query = parsed.success ? parsed.data : ZLibraryQuery.parse({});
  const now = new Date();
  const [library, tags, teams, inProgress, completion] = await Promise.all([
    searchLibrary(db(), query),
    libraryTags(db()),
    db().team.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    query.cursor ? Promise.resolve([]) : reviewsInProgress(db()),
    reviewCompletion(db(), { now }),
  ]);
  const filters = Object.fromEntries(Object.entries({ q: query.q, tag: query.tag, team: query.team, service: query.service }).filter(([, v]) => v)) as Record<string, string>;
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader title="Reviews" description="Blameless post-incident reviews, published to the whole organisation: the learning library, and the reviews still in progress." />
      <div className="mb-8 grid gap-6 lg:grid-cols-3">
        <section aria-labelledby="in-progress-title" className="lg:col-span-2">
          <h2 id="in-progress-title" className="mb-2 text-lg font-semibold">In progress</h2>
          {query.cursor ? <p className="text-sm text-fg-muted">On the first page of the library.</p> : <ReviewsInProgress reviews={inProgress} now={now} />}
        </section>
        <CompletionCard completion={completion} />
      </div>
      <section aria-labelledby="library-title">
        <h2 id="library-title" className="mb-2 text-lg font-semibold">Learning library</h2>
        <LibrarySearchForm values={filters} tags={tags} teams={teams} />
        {library.hits.length ? (
          <>
            <LibraryResults hits={library.hits} />
            <nav aria-label="Pages of reviews" className="mt-4 flex justify-between gap-3 text-sm">
              {query.cursor ? <a className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-surface-muted" href={`/reviews?${new URLSearchParams(filters)}`}>← First results</a> : <span />}
              {library.next ? <a className="rounded-md border border-line px-3 py-1.5 font-medium hover:bg-surface-muted" rel="next" href={`/reviews?${new URLSearchParams({ ...filters, cursor: library.next })}`}>More results →</a> : null}
            </nav>
          </>
        ) : (
          <EmptyState title={filtered ? "No published review matches" : "No published reviews yet"} description={filtered ? "Try fewer words, or another tag." : "Reviews appear here once published."} />
        )}
      </section>
    </>
  );
}
