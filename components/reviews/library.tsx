import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ReviewCompletion } from "@/lib/reviews/queries";
import { MARK_END, MARK_START, type LibraryHit } from "@/lib/reviews/library-sql";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { control, ReviewStatusBadge, Tags } from "./review-bits";

/** ts_headline's fragments with the matched words marked, as text (never as HTML). */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <p className="text-sm text-fg-muted">
      {parts.map((part, index) => {
        if (index === 0) return <span key={index}>{part}</span>;
        const [marked, rest = ""] = part.split(MARK_END);
        return <span key={index}><mark className="rounded bg-amber-100 px-0.5 text-fg dark:bg-amber-900">{marked}</mark>{rest}</span>;
      })}
    </p>
  );
}

export function LibraryResults({ hits }: { hits: readonly LibraryHit[] }) {
  return (
    <ol className="space-y-4" aria-label="Published reviews">
      {hits.map((hit) => (
        <li key={hit.id} className="rounded-md border border-line p-4">
          <p className="font-medium"><Link className="underline" href={`/reviews/${hit.id}`}>PIR-{hit.number}: {hit.title}</Link></p>
          <p className="mb-1 text-xs text-fg-muted">{hit.service.name} · {hit.team.name} · published <DateTime value={hit.publishedAt} /> · {hit.readers} reader{hit.readers === 1 ? "" : "s"}</p>
          <Snippet text={hit.snippet} />
          <div className="mt-2"><Tags tags={hit.tags} /></div>
        </li>
      ))}
    </ol>
  );
}

export function LibrarySearchForm({ values, tags, teams }: { values: { q?: string; tag?: string; team?: string; service?: string }; tags: { tag: string; count: number }[]; teams: { slug: string; name: string }[] }) {
  return (
    <form method="get" action="/reviews" role="search" className="mb-6 flex flex-wrap items-end gap-3">
      <div className="min-w-64 flex-1 space-y-1">
        <label htmlFor="library-q" className="block text-sm font-medium">Search the learning library</label>
        <input id="library-q" name="q" type="search" className={control} defaultValue={values.q ?? ""} placeholder='queue depth, "connection pool", -kafka' />
      </div>
      <div className="space-y-1">
        <label htmlFor="library-tag" className="block text-sm font-medium">Tag</label>
        <select id="library-tag" name="tag" className={control} defaultValue={values.tag ?? ""}>
          <option value="">Any tag</option>
          {tags.map((t) => <option key={t.tag} value={t.tag}>{t.tag} ({t.count})</option>)}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="library-team" className="block text-sm font-medium">Team</label>
        <select id="library-team" name="team" className={control} defaultValue={values.team ?? ""}>
          <option value="">Any team</option>
          {teams.map((t) => <option key={t.slug} value={t.slug}>{t.name}</option>)}
        </select>
      </div>
      {values.service ? <input type="hidden" name="service" value={values.service} /> : null}
      <Button type="submit" variant="primary">Search</Button>
    </form>
  );
}

export function CompletionCard({ completion }: { completion: ReviewCompletion }) {
  const share = completion.share === null ? "—" : `${Math.round(completion.share * 100)}%`;
  return (
    <Card aria-labelledby="completion-title">
      <CardHeader titleId="completion-title" title="Review completion" description={`Major incidents of the last ${completion.days} days whose review was published by its due date.`} />
      <CardContent>
        <p className="text-sm"><strong className="text-2xl" data-testid="completion-share">{share}</strong> · {completion.publishedOnTime} of {completion.majorIncidents} major incident{completion.majorIncidents === 1 ? "" : "s"}</p>
      </CardContent>
    </Card>
  );
}

type InProgress = { id: string; number: number; title: string; status: ReviewStatus; dueAt: Date; service: { name: string }; team: { name: string }; _count: { participants: number } };

export function ReviewsInProgress({ reviews, now }: { reviews: readonly InProgress[]; now: Date }) {
  if (!reviews.length) return <p className="text-sm text-fg-muted">No reviews in progress.</p>;
  return (
    <Table caption="Reviews in progress, soonest due first" captionHidden>
      <THead><TR><TH>Review</TH><TH>Service</TH><TH>Status</TH><TH>Due</TH><TH>Participants</TH></TR></THead>
      <TBody>
        {reviews.map((review) => (
          <TR key={review.id}>
            <TD><Link className="underline" href={`/reviews/${review.id}`}>PIR-{review.number}</Link> {review.title}</TD>
            <TD>{review.service.name} <span className="text-fg-muted">({review.team.name})</span></TD>
            <TD><ReviewStatusBadge status={review.status} /></TD>
            <TD className={review.dueAt < now ? "font-medium text-danger-fg" : undefined}><DateTime value={review.dueAt} />{review.dueAt < now ? " (overdue)" : ""}</TD>
            <TD>{review._count.participants}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
