// Every action the audit trail records, with the formatter that says it in words. Each area keeps its
// formatters beside its use cases (lib/<area>/audit-sentences.ts); this registry joins them, and
// `AuditAction` (what recordAuditEvent and the SQL writers take) is derived from it, so an action
// without a sentence does not compile. audit-actions.test.ts checks what the compiler cannot see:
// actions written by SQL, and that every formatter copes with the payloads it may meet.
import { backlogSentences } from "../backlog/audit-sentences";
import { catalogSentences } from "../catalog/audit-sentences";
import { changeSentences } from "../changes/audit-sentences";
import { deploymentSentences } from "../deployments/audit-sentences";
import { hypothesisSentences } from "../hypotheses/audit-sentences";
import { incidentSentences } from "../incidents/audit-sentences";
import { pagingSentences } from "../incidents/paging/audit-sentences";
import { alertIngestSentences } from "../incidents/ingest/audit-sentences";
import { jobSentences } from "../jobs/audit-sentences";
import { notificationSentences } from "../notifications/audit-sentences";
import { oncallSentences } from "../oncall/audit-sentences";
import { peopleSentences } from "../people/audit-sentences";
import { reliabilitySentences } from "../reliability/audit-sentences";
import { reviewSentences } from "../reviews/audit-sentences";
import { runbookSentences } from "../runbooks/audit-sentences";
import { settingsSentences } from "../settings/audit-sentences";
import { teamSentences } from "../teams/audit-sentences";
import { tokenSentences } from "../tokens/audit-sentences";
import { webhookSentences } from "../webhooks/audit-sentences";
import type { SentenceFormatter } from "./sentence-kit";

export const AUDIT_SENTENCES = {
  ...catalogSentences,
  ...teamSentences,
  ...peopleSentences,
  ...tokenSentences,
  ...jobSentences,
  ...notificationSentences,
  ...runbookSentences,
  ...deploymentSentences,
  ...changeSentences,
  ...oncallSentences,
  ...webhookSentences,
  ...settingsSentences,
  ...incidentSentences,
  ...reliabilitySentences,
  ...pagingSentences,
  ...alertIngestSentences,
  ...reviewSentences,
  ...hypothesisSentences,
  ...backlogSentences,
} satisfies Record<string, SentenceFormatter>;

export type AuditAction = keyof typeof AUDIT_SENTENCES;

export const AUDIT_ACTIONS = Object.keys(AUDIT_SENTENCES) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_SENTENCES, value);
}
