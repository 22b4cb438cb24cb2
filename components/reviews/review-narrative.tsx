import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { ReviewDetail } from "@/lib/reviews/queries";
import { area, control, dayValue, Paragraphs, type FormAction } from "./review-bits";

const SECTIONS = [
  { name: "summary", label: "Summary", empty: "No summary yet." },
  { name: "wentWell", label: "What went well", empty: "Nothing written yet." },
  { name: "wasHard", label: "What was hard", empty: "Nothing written yet." },
  { name: "learnings", label: "Learnings", empty: "Nothing written yet." },
] as const;

/** The joint, blameless narrative: shown as written, or as one form while the review is open. */
export function ReviewNarrative({ review, people, update }: { review: ReviewDetail; people: { id: string; name: string }[]; update: FormAction | null }) {
  if (!update) {
    return (
      <>
        {SECTIONS.map((section) => (
          <Card key={section.name} aria-labelledby={`${section.name}-title`}>
            <CardHeader titleId={`${section.name}-title`} title={section.label} />
            <CardContent><Paragraphs text={review[section.name]} empty={section.empty} /></CardContent>
          </Card>
        ))}
      </>
    );
  }
  return (
    <Card aria-labelledby="narrative-title">
      <CardHeader titleId="narrative-title" title="The joint review" description="Blameless: what happened and why it made sense to the people there; no single root cause." />
      <CardContent>
        <ActionForm action={update} submitLabel="Save the review" labels={{ summary: "Summary", impactNotes: "Impact notes", wentWell: "What went well", wasHard: "What was hard", learnings: "Learnings", tags: "Tags", dueAt: "Due date", facilitatorId: "Facilitator" }}>
          {SECTIONS.map((section) => (
            <div key={section.name} className="space-y-1">
              <label htmlFor={`review-${section.name}`} className="block text-sm font-medium">{section.label}</label>
              <textarea id={`review-${section.name}`} name={section.name} rows={section.name === "summary" ? 5 : 3} className={area} defaultValue={review[section.name]} />
            </div>
          ))}
          <div className="space-y-1">
            <label htmlFor="review-impactNotes" className="block text-sm font-medium">Impact notes</label>
            <textarea id="review-impactNotes" name="impactNotes" rows={2} className={area} defaultValue={review.impactNotes} placeholder="Who was affected and how, beyond the figures." />
          </div>
          <div className="grid gap-3 sm:grid-cols-3">
            <div className="space-y-1">
              <label htmlFor="review-tags" className="block text-sm font-medium">Tags</label>
              <input id="review-tags" name="tags" className={control} defaultValue={review.tags.join(", ")} placeholder="payments, queueing" />
            </div>
            <div className="space-y-1">
              <label htmlFor="review-dueAt" className="block text-sm font-medium">Due date</label>
              <input id="review-dueAt" name="dueAt" type="date" className={control} defaultValue={dayValue(review.dueAt)} />
            </div>
            <div className="space-y-1">
              <label htmlFor="review-facilitator" className="block text-sm font-medium">Facilitator</label>
              <select id="review-facilitator" name="facilitatorId" className={control} defaultValue={review.facilitator?.id ?? ""}>
                <option value="">Nobody yet</option>
                {people.map((person) => <option key={person.id} value={person.id}>{person.name}</option>)}
              </select>
            </div>
          </div>
        </ActionForm>
      </CardContent>
    </Card>
  );
}
