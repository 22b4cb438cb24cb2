import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { ReviewDetail } from "@/lib/reviews/queries";
import { control, type FormAction } from "./review-bits";

const minutesWords = (minutes: number) => (minutes >= 60 ? `${Math.floor(minutes / 60)} h ${Math.round(minutes % 60)} min` : `${Math.round(minutes * 10) / 10} min`);

export function ReviewImpact({ review, currency }: { review: ReviewDetail; currency: string }) {
  const { impact } = review;
  return (
    <Card aria-labelledby="impact-title">
      <CardHeader titleId="impact-title" title="Impact" description={review.status === "PUBLISHED" ? "As published." : "From the incident now; frozen when the review is published."} />
      <CardContent>
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <dt className="text-fg-muted">Availability lost</dt><dd data-testid="impact-lost">{minutesWords(impact.availabilityLostMinutes)}</dd>
          <dt className="text-fg-muted">Error budget spent</dt>
          <dd>{minutesWords(impact.budgetSpentMinutes)}{impact.budgetShare !== null ? ` (${Math.round(impact.budgetShare * 100)}% of 28 days' budget)` : ""}</dd>
          <dt className="text-fg-muted">Estimated loss</dt>
          <dd>{impact.estimatedLoss === null ? "No loss per hour was estimated" : new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 0 }).format(impact.estimatedLoss)}</dd>
        </dl>
        {review.impactNotes ? <p className="mt-3 whitespace-pre-wrap text-sm">{review.impactNotes}</p> : null}
      </CardContent>
    </Card>
  );
}

export function ReviewFacts({ review, now, people, invite, startDrafting, publish }: {
  review: ReviewDetail; now: Date; people: { id: string; name: string }[]; invite: FormAction | null; startDrafting: FormAction | null; publish: FormAction | null;
}) {
  const overdue = review.status !== "PUBLISHED" && review.dueAt < now;
  const participantIds = new Set(review.participants.map((p) => p.personId));
  return (
    <Card aria-labelledby="facts-title">
      <CardHeader titleId="facts-title" title="About this review" />
      <CardContent className="space-y-4 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          <dt className="text-fg-muted">Incident</dt><dd><Link className="underline" href={`/incidents/${review.incident.id}`}>INC-{review.incident.number}</Link></dd>
          <dt className="text-fg-muted">Service</dt><dd><Link className="underline" href={`/services/${review.service.slug}`}>{review.service.name}</Link></dd>
          <dt className="text-fg-muted">Team</dt><dd>{review.team.name}</dd>
          <dt className="text-fg-muted">Due</dt><dd className={overdue ? "font-medium text-danger-fg" : undefined}><DateTime value={review.dueAt} />{overdue ? " (overdue)" : ""}</dd>
          {review.publishedAt ? <><dt className="text-fg-muted">Published</dt><dd><DateTime value={review.publishedAt} />{review.publishedBy ? ` by ${review.publishedBy.name}` : ""}</dd></> : null}
          <dt className="text-fg-muted">Facilitator</dt><dd>{review.facilitator?.name ?? "Nobody yet"}</dd>
          <dt className="text-fg-muted">Readers</dt><dd data-testid="reader-count">{review.readers}</dd>
        </dl>
        <div>
          <h3 className="mb-1 font-medium">Participants ({review.participants.length})</h3>
          <ul className="space-y-0.5" aria-label="Participants">
            {review.participants.map((p) => <li key={p.personId}>{p.person.name} <span className="text-fg-muted">· {p.sharedAt ? "shared" : "not shared"}</span></li>)}
          </ul>
        </div>
        {invite ? (
          <ActionForm action={invite} submitLabel="Invite" submitVariant="secondary" submitSize="sm" labels={{ personId: "Person" }} className="flex items-end gap-2">
            <div className="flex-1 space-y-1">
              <label htmlFor="invite-person" className="block font-medium">Invite someone</label>
              <select id="invite-person" name="personId" className={control} defaultValue="">
                <option value="">Pick a person</option>
                {people.filter((p) => !participantIds.has(p.id)).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </div>
          </ActionForm>
        ) : null}
        {startDrafting ? (
          <ActionForm action={startDrafting} submitLabel="Start the joint review" confirm="Start the joint review? The incident's timeline is copied in; analyses not shared stay private.">
            <p className="text-fg-muted">When the analyses are in, the facilitator starts the joint review.</p>
          </ActionForm>
        ) : null}
        {publish ? (
          <ActionForm action={publish} submitLabel="Publish to the organisation" confirm="Publish this review to the whole organisation? It can no longer be edited, and a resolved incident is closed.">
            <p className="text-fg-muted">Publishing freezes the impact figures, puts the actions in the team&apos;s backlog and closes a resolved incident.</p>
          </ActionForm>
        ) : null}
      </CardContent>
    </Card>
  );
}
