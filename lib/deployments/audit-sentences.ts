// Deployments as pipelines report them (report-deployment, report-health-check), in the audit trail.
// Change control's own deployment events are in lib/changes/audit-sentences.ts. Registered in lib/audit/audit-actions.ts.
import { sentence, type SentenceContext, type SentenceMap } from "../audit/sentence-kit";

const STATUS_WORDS: Record<string, string> = {
  STARTED: "started deploying", SUCCEEDED: "deployed", FAILED: "failed to deploy", ROLLED_BACK: "rolled back",
};

const statusWords = (status: unknown) => STATUS_WORDS[status as string] ?? "changed";
const to = (ctx: SentenceContext) => (typeof ctx.after.environment === "string" ? ` to ${ctx.after.environment}` : "");

/** A later report of a deployment: "reported Checkout API 1.4.2 deployed to production (was started)". */
const moved = (ctx: SentenceContext) =>
  sentence(ctx.actor, " reported ", ctx.entity, ` ${statusWords(ctx.after.status)}${to(ctx)}`, ctx.before.status ? ` (was ${statusWords(ctx.before.status)})` : "");

export const deploymentSentences = {
  "deployment.report": (ctx) => {
    const commits = typeof ctx.after.commits === "number" && ctx.after.commits > 0 ? `, ${ctx.words.number(ctx.after.commits)} commit${ctx.after.commits === 1 ? "" : "s"}` : "";
    const rollback = ctx.after.isRollback ? ", a rollback" : "";
    return sentence(ctx.actor, " reported ", ctx.entity, ` ${statusWords(ctx.after.status)}${to(ctx)}${commits}${rollback}`);
  },
  "deployment.started": moved,
  "deployment.succeeded": moved,
  "deployment.failed": moved,
  // Also written for the deployment a rollback reverts: its `after` names the rollback.
  "deployment.rolled-back": (ctx) =>
    ctx.after.rolledBackBy ? sentence(ctx.actor, " reported ", ctx.entity, " rolled back by ", ctx.ref("Deployment", ctx.after.rolledBackBy, "a later deployment")) : moved(ctx),
  "deployment.health-check": (ctx) =>
    sentence(ctx.actor, ` reported the health check “${String(ctx.after.name ?? "check")}” ${ctx.after.status === "FAIL" ? "failing" : "passing"} for `, ctx.entity),
} satisfies SentenceMap;
