// Background jobs in the audit trail (failed-jobs.ts). Registered in lib/audit/audit-actions.ts.
import { sentence, type SentenceMap } from "../audit/sentence-kit";

export const jobSentences = {
  "job.retry": (ctx) => sentence(ctx.actor, " sent the failed ", ctx.entity, " job round again"),
} satisfies SentenceMap;
