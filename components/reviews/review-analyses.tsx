import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { ReviewDetail } from "@/lib/reviews/queries";
import { area, type FormAction } from "./review-bits";

/**
 * The participants' own analyses: yours (shared or not) and the others' once they share. Shared ones
 * sit side by side so the joint review starts from every perspective.
 */
export function ReviewAnalyses({ review, viewerId, record, share }: { review: ReviewDetail; viewerId: string; record: FormAction | null; share: FormAction | null }) {
  const mine = review.analyses.find((a) => a.personId === viewerId);
  const shared = review.analyses.filter((a) => a.sharedAt);
  const waiting = review.participants.filter((p) => !p.sharedAt).length;
  return (
    <Card aria-labelledby="analyses-title">
      <CardHeader titleId="analyses-title" title="Analyses" description={`Each participant writes their own first; nobody sees it until they share it. ${shared.length} shared, ${waiting} not yet.`} />
      <CardContent className="space-y-6">
        {shared.length ? (
          <ul className="grid gap-4 md:grid-cols-2" aria-label="Shared analyses">
            {shared.map((analysis) => (
              <li key={analysis.personId} className="rounded-md border border-line p-3">
                <p className="mb-1 text-sm font-medium">{analysis.person.name}{analysis.personId === viewerId ? " (you)" : ""}</p>
                <p className="whitespace-pre-wrap text-sm">{analysis.analysis}</p>
                {analysis.sharedAt ? <p className="mt-2 text-xs text-fg-muted">Shared <DateTime value={analysis.sharedAt} /></p> : null}
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-fg-muted">No analysis has been shared yet.</p>}
        {record ? (
          <div className="space-y-3 border-t border-line pt-4">
            <ActionForm action={record} submitLabel={mine ? "Save my analysis" : "Record my analysis"} labels={{ analysis: "Your analysis" }} className="space-y-2">
              <label htmlFor="analysis" className="block text-sm font-medium">Your analysis {mine?.sharedAt ? "(shared)" : "(only you can see it)"}</label>
              <textarea id="analysis" name="analysis" rows={6} className={area} defaultValue={mine?.analysis ?? ""}
                placeholder="What you saw, what you did and why it made sense at the time, what surprised you." />
            </ActionForm>
            {mine?.sharedAt ? <p className="text-sm text-fg-muted">Shared <DateTime value={mine.sharedAt} />: the other participants see it.</p> : null}
            {share && mine && !mine.sharedAt ? (
              <ActionForm action={share} submitLabel="Share my analysis" submitVariant="secondary" confirm="Share your analysis with the other participants? They will see it from now on.">
                <p className="text-sm text-fg-muted">Not shared: the others cannot see it.</p>
              </ActionForm>
            ) : null}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}
