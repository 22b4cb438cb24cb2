import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { control, ReviewStatusBadge, type FormAction } from "./review-bits";

type Review = { id: string; number: number; status: ReviewStatus; dueAt: Date; publishedAt: Date | null };

/** The incident's review, or (for a minor incident) the button that schedules one. */
export function IncidentReviewCard({ review, major, schedule }: { review: Review | null; major: boolean; schedule: FormAction | null }) {
  if (!review && !schedule) return null;
  return (
    <Card aria-labelledby="incident-review-title">
      <CardHeader titleId="incident-review-title" title="Post-incident review" />
      <CardContent className="space-y-2 text-sm">
        {review ? (
          <>
            <p><Link className="font-medium underline" href={`/reviews/${review.id}`}>PIR-{review.number}</Link> <ReviewStatusBadge status={review.status} /></p>
            <p className="text-fg-muted">{review.publishedAt ? <>Published <DateTime value={review.publishedAt} /></> : <>Due <DateTime value={review.dueAt} />; the incident closes once it is published.</>}</p>
          </>
        ) : (
          <ActionForm action={schedule!} submitLabel="Schedule a review" submitVariant="secondary" labels={{ dueAt: "Due date" }} className="space-y-2">
            <p className="text-fg-muted">{major ? "A major incident is reviewed automatically; schedule it now if it has not appeared." : "A minor incident is reviewed on request, when there is something to learn."}</p>
            <label htmlFor="review-due" className="block font-medium">Due date <span className="font-normal text-fg-muted">(default: 10 working days)</span></label>
            <input id="review-due" name="dueAt" type="date" className={control} />
          </ActionForm>
        )}
      </CardContent>
    </Card>
  );
}

type ServiceReview = { id: string; number: number; title: string; status: ReviewStatus; dueAt: Date; publishedAt: Date | null; _count: { readers: number } };

/** The service page's "Reviews" section: its reviews, newest first. */
export function ServiceReviewsCard({ reviews, serviceSlug }: { reviews: readonly ServiceReview[]; serviceSlug: string }) {
  return (
    <Card aria-labelledby="service-reviews-title">
      <CardHeader titleId="service-reviews-title" title="Reviews" description="Post-incident reviews of this service's incidents." />
      <CardContent>
        {reviews.length ? (
          <ul className="space-y-2 text-sm">
            {reviews.map((review) => (
              <li key={review.id}>
                <Link className="underline" href={`/reviews/${review.id}`}>PIR-{review.number}</Link> {review.title} <ReviewStatusBadge status={review.status} />
                <span className="block text-fg-muted">{review.publishedAt ? <>Published <DateTime value={review.publishedAt} /> · {review._count.readers} readers</> : <>Due <DateTime value={review.dueAt} /></>}</span>
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-fg-muted">No reviews yet.</p>}
        <p className="mt-3 text-sm"><Link className="underline" href={`/reviews?service=${encodeURIComponent(serviceSlug)}`}>Search this service&apos;s reviews</Link></p>
      </CardContent>
    </Card>
  );
}
