import { ActionForm } from "@/components/ui/action-form";
import type { FormState } from "@/lib/forms/initial-form-state";
import type { IncidentStatus } from "@/lib/generated/prisma/enums";
import { transitionOutcome } from "@/lib/incidents/status-transitions";

type Move = { action: "acknowledge" | "mitigate" | "resolve" | "close" | "reopen"; to: IncidentStatus; label: string; variant: "primary" | "secondary" };

const MOVES: Move[] = [
  { action: "acknowledge", to: "ACKNOWLEDGED", label: "Acknowledge", variant: "primary" },
  { action: "mitigate", to: "MITIGATED", label: "Mark mitigated", variant: "secondary" },
  { action: "resolve", to: "RESOLVED", label: "Resolve", variant: "secondary" },
  { action: "close", to: "CLOSED", label: "Close", variant: "secondary" },
  { action: "reopen", to: "TRIGGERED", label: "Reopen", variant: "secondary" },
];

/** The moves open from the current status, each its own small form (a note is optional). */
export function IncidentStatusActions({ status, action }: { status: IncidentStatus; action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const moves = MOVES.filter((move) => {
    const outcome = transitionOutcome(status, move.to);
    return outcome === "move" || outcome === "reopen";
  });
  return (
    <div className="flex flex-wrap items-start gap-3" role="group" aria-label="Incident status">
      {moves.map((move) => (
        <ActionForm key={move.action} action={action} submitLabel={move.label} submitVariant={move.variant} className="space-y-2"
          confirm={move.action === "reopen" ? "Reopen this incident? The rota is paged again." : undefined}>
          <input type="hidden" name="action" value={move.action} />
        </ActionForm>
      ))}
    </div>
  );
}
