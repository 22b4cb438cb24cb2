import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { ReviewDetail } from "@/lib/reviews/queries";
import { control, utcLocal, type FormAction } from "./review-bits";

/** The joint timeline: copied from the incident when the joint review started, then edited freely. */
export function ReviewTimeline({ review, save, remove }: { review: ReviewDetail; save: FormAction | null; remove: FormAction | null }) {
  return (
    <Card aria-labelledby="review-timeline-title">
      <CardHeader titleId="review-timeline-title" title="Timeline" description={review.status === "COLLECTING" ? "Pulled from the incident when the joint review starts." : "Oldest first; times in UTC."} />
      <CardContent className="space-y-4">
        {review.timeline.length ? (
          <ol className="space-y-3 text-sm">
            {review.timeline.map((entry) => (
              <li key={entry.id} className="border-l-2 border-line pl-3">
                <DateTime value={entry.occurredAt} className="text-fg-muted" />
                {save ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer">{entry.message}</summary>
                    <div className="mt-2 flex flex-wrap items-end gap-3">
                      <ActionForm action={save} submitLabel="Save entry" submitSize="sm" className="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="entryId" value={entry.id} />
                        <input aria-label="Time (UTC)" name="occurredAtLocal" type="datetime-local" className={control} defaultValue={utcLocal(entry.occurredAt)} />
                        <input aria-label="What happened" name="message" className={`${control} min-w-64`} defaultValue={entry.message} />
                      </ActionForm>
                      {remove ? (
                        <ActionForm action={remove} submitLabel="Remove" submitVariant="danger" submitSize="sm" submitAccessibleName={`Remove the entry at ${utcLocal(entry.occurredAt)}`}>
                          <input type="hidden" name="entryId" value={entry.id} />
                        </ActionForm>
                      ) : null}
                    </div>
                  </details>
                ) : <p>{entry.message}</p>}
              </li>
            ))}
          </ol>
        ) : <p className="text-sm text-fg-muted">No entries yet.</p>}
        {save ? (
          <ActionForm action={save} submitLabel="Add entry" submitVariant="secondary" labels={{ occurredAt: "Time", message: "What happened" }} className="flex flex-wrap items-end gap-2 border-t border-line pt-4">
            <div className="space-y-1">
              <label htmlFor="timeline-at" className="block text-sm font-medium">Time (UTC)</label>
              <input id="timeline-at" name="occurredAtLocal" type="datetime-local" className={control} />
            </div>
            <div className="min-w-64 flex-1 space-y-1">
              <label htmlFor="timeline-message" className="block text-sm font-medium">What happened</label>
              <input id="timeline-message" name="message" className={control} />
            </div>
          </ActionForm>
        ) : null}
      </CardContent>
    </Card>
  );
}
