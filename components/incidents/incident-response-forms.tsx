import { ActionForm } from "@/components/ui/action-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { controlClasses } from "@/components/ui/input";
import type { FormState } from "@/lib/forms/initial-form-state";
import type { IncidentImpact } from "@/lib/generated/prisma/enums";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
const control = `${controlClasses} h-9`;
const area = `${controlClasses} py-2`;
/** datetime-local wants local wall time without a zone; we show and read UTC (the form says so). */
const utcLocal = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : "");

export function IncidentUpdateForm({ action }: { action: Action }) {
  return (
    <ActionForm action={action} submitLabel="Post update" labels={{ message: "Update" }} className="space-y-2">
      <label htmlFor="update-message" className="block text-sm font-medium">Post an update</label>
      <textarea id="update-message" name="message" rows={3} className={area} placeholder="What you found, what you did, what is next." />
    </ActionForm>
  );
}

/** Revise the impact (with a reason), reassign to the causing service, correct the unavailability window. */
export function IncidentResponseForms({ impact, lostAt, regainedAt, revise, reassign, editWindow, open }: {
  impact: IncidentImpact; lostAt: Date; regainedAt: Date | null; revise: Action; reassign: Action; editWindow: Action; open: boolean;
}) {
  return (
    <Card aria-labelledby="respond-title">
      <CardHeader titleId="respond-title" title="Change the incident" />
      <CardContent className="space-y-6 text-sm">
        {open ? (
          <ActionForm action={revise} submitLabel="Revise impact" submitVariant="secondary" labels={{ impact: "New impact", lossPerHour: "Estimated loss per hour", reason: "Why" }} className="space-y-2">
            <h3 className="font-medium">Impact</h3>
            <label className="block space-y-1"><span className="block text-xs font-medium">New impact</span>
              <select name="impact" defaultValue={impact} className={control}>
                <option value="">From the loss per hour</option>
                <option value="HIGH">High: major (incident managers)</option>
                <option value="MEDIUM">Medium: minor, next working day</option>
                <option value="LOW">Low: minor, when possible</option>
              </select>
            </label>
            <label className="block space-y-1"><span className="block text-xs font-medium">Estimated loss per hour (optional)</span>
              <input name="lossPerHour" className={control} autoComplete="off" placeholder="e.g. 250,000 or 2m" />
            </label>
            <label className="block space-y-1"><span className="block text-xs font-medium">Why</span>
              <input name="reason" className={control} autoComplete="off" />
            </label>
          </ActionForm>
        ) : null}
        {open ? (
          <ActionForm action={reassign} submitLabel="Reassign" submitVariant="secondary" labels={{ service: "Causing service", reason: "Why" }} className="space-y-2">
            <h3 className="font-medium">Another service is the cause</h3>
            <label className="block space-y-1"><span className="block text-xs font-medium">Causing service (slug)</span>
              <input name="service" className={control} autoComplete="off" placeholder="e.g. ledger-api" />
            </label>
            <label className="block space-y-1"><span className="block text-xs font-medium">Why</span>
              <input name="reason" className={control} autoComplete="off" />
            </label>
          </ActionForm>
        ) : null}
        <ActionForm action={editWindow} submitLabel="Save window" submitVariant="secondary" labels={{ lostAt: "Lost at", regainedAt: "Regained at", reason: "Why" }} className="space-y-2">
          <h3 className="font-medium">Unavailability window (UTC)</h3>
          <p className="text-xs text-fg-muted">Counts against the services&apos; availability and error budgets. Defaults to triggered → mitigated.</p>
          <div className="grid gap-2 sm:grid-cols-2">
            <label className="block space-y-1"><span className="block text-xs font-medium">Lost at</span>
              <input type="datetime-local" name="lostAtLocal" defaultValue={utcLocal(lostAt)} className={control} />
            </label>
            <label className="block space-y-1"><span className="block text-xs font-medium">Regained at</span>
              <input type="datetime-local" name="regainedAtLocal" defaultValue={utcLocal(regainedAt)} className={control} />
            </label>
          </div>
          <label className="block space-y-1"><span className="block text-xs font-medium">Why</span>
            <input name="reason" className={control} autoComplete="off" />
          </label>
        </ActionForm>
      </CardContent>
    </Card>
  );
}
