import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/date-time";
import type { ReviewDetail } from "@/lib/reviews/queries";
import { area, control, type FormAction } from "./review-bits";

/** Improvement actions, with "raised before" links both ways between reviews of the same service. */
export function ReviewActions({ review, people, save, remove }: { review: ReviewDetail; people: { id: string; name: string }[]; save: FormAction | null; remove: FormAction | null }) {
  return (
    <Card aria-labelledby="actions-title">
      <CardHeader titleId="actions-title" title="Actions" description={review.status === "PUBLISHED" ? "In the owning team's backlog, prioritised like all planned work." : "Each becomes an item of the owning team's backlog when the review is published."} />
      <CardContent className="space-y-4">
        {review.actions.length ? (
          <ul className="space-y-3 text-sm">
            {review.actions.map((action) => (
              <li key={action.id} className="space-y-1">
                <p className="font-medium">{action.title}</p>
                {action.description ? <p className="whitespace-pre-wrap">{action.description}</p> : null}
                <p className="text-fg-muted">
                  {action.owner ? `Owner ${action.owner.name}` : "No owner yet"}{action.dueAt ? ` · due ${formatDateTime(action.dueAt).slice(0, 11)}` : ""}
                  {action.factorId ? ` · addresses: ${review.factors.find((f) => f.id === action.factorId)?.description.slice(0, 60) ?? "a factor"}` : ""}
                </p>
                {action.repeatOf ? (
                  <p className="text-amber-800 dark:text-amber-200" role="note">
                    Raised before in <Link className="underline" href={`/reviews/${action.repeatOf.review.id}`}>PIR-{action.repeatOf.review.number}</Link>: “{action.repeatOf.title}”
                  </p>
                ) : null}
                {action.repeatedBy.map((later) => (
                  <p key={later.id} className="text-amber-800 dark:text-amber-200" role="note">
                    Raised again in <Link className="underline" href={`/reviews/${later.review.id}`}>PIR-{later.review.number}</Link>: “{later.title}”
                  </p>
                ))}
                {remove ? (
                  <ActionForm action={remove} submitLabel="Remove" submitVariant="ghost" submitSize="sm" submitAccessibleName={`Remove action ${action.title}`}>
                    <input type="hidden" name="actionId" value={action.id} />
                  </ActionForm>
                ) : null}
              </li>
            ))}
          </ul>
        ) : <p className="text-sm text-fg-muted">No actions yet.</p>}
        {save ? (
          <ActionForm action={save} submitLabel="Add action" submitVariant="secondary" labels={{ title: "Action", description: "Description", ownerId: "Owner", dueAt: "Due date", factorId: "Addresses" }} className="space-y-2 border-t border-line pt-4">
            <label htmlFor="action-title" className="block text-sm font-medium">Action</label>
            <input id="action-title" name="title" className={control} />
            <label htmlFor="action-description" className="block text-sm font-medium">Description</label>
            <textarea id="action-description" name="description" rows={2} className={area} />
            <div className="grid gap-2 sm:grid-cols-3">
              <div className="space-y-1">
                <label htmlFor="action-owner" className="block text-sm font-medium">Owner</label>
                <select id="action-owner" name="ownerId" className={control} defaultValue="">
                  <option value="">Nobody yet</option>
                  {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
                </select>
              </div>
              <div className="space-y-1">
                <label htmlFor="action-due" className="block text-sm font-medium">Due date</label>
                <input id="action-due" name="dueAt" type="date" className={control} />
              </div>
              <div className="space-y-1">
                <label htmlFor="action-factor" className="block text-sm font-medium">Addresses</label>
                <select id="action-factor" name="factorId" className={control} defaultValue="">
                  <option value="">No particular factor</option>
                  {review.factors.map((factor) => <option key={factor.id} value={factor.id}>{factor.description.slice(0, 60)}</option>)}
                </select>
              </div>
            </div>
          </ActionForm>
        ) : null}
      </CardContent>
    </Card>
  );
}
