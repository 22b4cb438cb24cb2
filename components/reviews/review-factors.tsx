import { ActionForm } from "@/components/ui/action-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { ReviewDetail } from "@/lib/reviews/queries";
import { area, control, Tags, type FormAction } from "./review-bits";

/** Contributing factors, human and technical, tagged. There is deliberately no root cause. */
export function ReviewFactors({ review, save, remove }: { review: ReviewDetail; save: FormAction | null; remove: FormAction | null }) {
  return (
    <Card aria-labelledby="factors-title">
      <CardHeader titleId="factors-title" title="Contributing factors" description="Human and technical; as many as the review found, no single root cause." />
      <CardContent className="space-y-4">
        {review.factors.length ? (
          <ul className="space-y-3 text-sm">
            {review.factors.map((factor) => (
              <li key={factor.id} className="space-y-1">
                <p><Badge tone={factor.kind === "HUMAN" ? "brand" : "info"}>{factor.kind === "HUMAN" ? "Human" : "Technical"}</Badge> {factor.description}</p>
                <Tags tags={factor.tags} />
                {remove ? (
                  <ActionForm action={remove} submitLabel="Remove" submitVariant="ghost" submitSize="sm" submitAccessibleName={`Remove factor: ${factor.description.slice(0, 40)}`}>
                    <input type="hidden" name="factorId" value={factor.id} />
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-fg-muted">No contributing factors yet.</p>}
        {save ? (
          <ActionForm action={save} submitLabel="Add factor" submitVariant="secondary" labels={{ kind: "Kind", description: "Factor", tags: "Tags" }} className="space-y-2 border-t border-line pt-4">
            <div className="grid gap-2 sm:grid-cols-3">
              <div className="space-y-1">
                <label htmlFor="factor-kind" className="block text-sm font-medium">Kind</label>
                <select id="factor-kind" name="kind" className={control} defaultValue="TECHNICAL">
                  <option value="TECHNICAL">Technical</option>
                  <option value="HUMAN">Human</option>
                </select>
              </div>
              <div className="space-y-1 sm:col-span-2">
                <label htmlFor="factor-tags" className="block text-sm font-medium">Tags</label>
                <input id="factor-tags" name="tags" className={control} placeholder="alerting, capacity" />
              </div>
            </div>
            <label htmlFor="factor-description" className="block text-sm font-medium">Factor</label>
            <textarea id="factor-description" name="description" rows={2} className={area} />
          </ActionForm>
        ) : null}
      </CardContent>
    </Card>
  );
}
