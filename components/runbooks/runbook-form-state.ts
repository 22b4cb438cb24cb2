// The editor's action state: a FormState, plus the conflict details when a newer revision won.
import type { FormState } from "@/lib/forms/initial-form-state";
import type { RunbookConflictDetails } from "@/lib/runbooks/runbook-conflict";

export type RunbookFormState = FormState & { conflict?: RunbookConflictDetails };

export type RunbookFormValues = {
  title: string;
  body: string;
  tags: string;
  alertNames: string;
  reviewIntervalDays: string;
  ownerId: string;
  summary: string;
};

export const RUNBOOK_FIELD_LABELS: Record<string, string> = {
  title: "Title",
  body: "Runbook",
  tags: "Tags",
  alertNames: "Linked alerts",
  reviewIntervalDays: "Review every (days)",
  ownerId: "Owner",
  summary: "Summary of your change",
};
