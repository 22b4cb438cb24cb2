import { ActionForm } from "@/components/ui/action-form";
import type { FormState } from "@/lib/forms/initial-form-state";

/** A secret calendar URL to subscribe to, and a way to replace it if it leaked. */
export function FeedLink({ origin, token, rotate, label }: { origin: string; token: string | null; rotate: ((state: FormState, formData: FormData) => Promise<FormState>) | null; label: string }) {
  const path = token ? `/api/oncall/feeds/${token}.ics` : null;
  return (
    <div className="space-y-2 text-sm">
      {path ? (
        <>
          <p>
            <a href={path} className="font-medium underline underline-offset-2" data-testid="ical-link">{label}</a>
          </p>
          <p className="break-all text-fg-muted">Subscribe in your calendar app: <code>{origin}{path}</code>. Anyone with this link can see these shifts.</p>
        </>
      ) : (
        <p className="text-fg-muted">No calendar link yet.</p>
      )}
      {rotate ? <ActionForm action={rotate} submitLabel={token ? "Replace the link" : "Create a calendar link"} submitSize="sm" submitVariant="secondary" /> : null}
    </div>
  );
}
