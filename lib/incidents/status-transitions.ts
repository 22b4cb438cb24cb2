// The incident lifecycle: triggered → acknowledged → mitigated → resolved → closed (once reviewed).
// A step may be skipped forwards (an alert that resolves before anyone acknowledges); a resolved
// incident may be reopened (back to triggered, it pages again); a closed one is history.
import type { IncidentStatus } from "../generated/prisma/enums.ts";

export const STATUS_ORDER: readonly IncidentStatus[] = ["TRIGGERED", "ACKNOWLEDGED", "MITIGATED", "RESOLVED", "CLOSED"];

export const STATUS_WORDS: Record<IncidentStatus, string> = {
  TRIGGERED: "triggered",
  ACKNOWLEDGED: "acknowledged",
  MITIGATED: "mitigated",
  RESOLVED: "resolved",
  CLOSED: "closed",
};

export const OPEN_STATUSES: readonly IncidentStatus[] = ["TRIGGERED", "ACKNOWLEDGED", "MITIGATED"];

export function isOpen(status: IncidentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export type TransitionOutcome = "move" | "replay" | "reopen" | "invalid";

/** What moving an incident from `from` to `to` means. */
export function transitionOutcome(from: IncidentStatus, to: IncidentStatus): TransitionOutcome {
  if (from === to) return "replay";
  if (from === "CLOSED") return "invalid";
  if (from === "RESOLVED" && to === "TRIGGERED") return "reopen";
  if (to === "CLOSED") return from === "RESOLVED" ? "move" : "invalid";
  return STATUS_ORDER.indexOf(to) > STATUS_ORDER.indexOf(from) ? "move" : "invalid";
}

/** Why a move is refused, in the words of a form error. */
export function refusal(from: IncidentStatus, to: IncidentStatus): string {
  if (from === "CLOSED") return "The incident is closed: its review is done.";
  if (to === "CLOSED") return "Only a resolved incident can be closed.";
  return `A ${STATUS_WORDS[from]} incident cannot become ${STATUS_WORDS[to]}.`;
}

type Stamps = { acknowledgedAt: Date | null; mitigatedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null };

/**
 * The timestamps after a move at `at`: every stage passed on the way gets `at` when it has none (a
 * resolve without an acknowledgement is acknowledged and mitigated at the same instant, which is what
 * the time-to-acknowledge and availability windows should read). A reopen clears the later stages.
 */
export function stampsAfter(current: Stamps, to: IncidentStatus, at: Date): Stamps {
  if (to === "TRIGGERED") return { acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null };
  const rank = STATUS_ORDER.indexOf(to);
  return {
    acknowledgedAt: rank >= 1 ? (current.acknowledgedAt ?? at) : current.acknowledgedAt,
    mitigatedAt: rank >= 2 ? (current.mitigatedAt ?? at) : current.mitigatedAt,
    resolvedAt: rank >= 3 ? (current.resolvedAt ?? at) : current.resolvedAt,
    closedAt: rank >= 4 ? (current.closedAt ?? at) : current.closedAt,
  };
}
