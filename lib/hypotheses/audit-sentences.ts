// Outcome hypotheses in the audit trail: written, linked to a release (in the portal or by a deployment
// report), and decided. Registered in lib/audit/audit-actions.ts.
import { sentence, withNote, type SentenceMap } from "../audit/sentence-kit";

const str = (value: unknown) => (typeof value === "string" ? value : "");
const RESULT: Record<string, string> = { VALIDATED: "validated", INVALIDATED: "invalidated", INCONCLUSIVE: "inconclusive" };

export const hypothesisSentences = {
  "hypothesis.create": (ctx) =>
    withNote(
      sentence(ctx.actor, " wrote ", ctx.entity, " for ", ctx.ref("Service", ctx.after.serviceId, "a service"), ", owned by ", ctx.ref("Person", ctx.after.ownerId, "a product manager"), `, to be measured by ${str(ctx.after.measureBy).slice(0, 10)}`),
      ctx.after.sentence,
    ),
  "hypothesis.link-deployment": (ctx) =>
    sentence(ctx.actor, " linked ", ctx.ref("Deployment", ctx.after.deploymentId, "a deployment"), " to ", ctx.entity, ctx.after.via === "report" ? " (from the deployment report)" : ""),
  "hypothesis.record-result": (ctx) =>
    withNote(sentence(ctx.actor, " recorded ", ctx.entity, ` as ${RESULT[str(ctx.after.result)] ?? "decided"}`), ctx.after.evidence),
} satisfies SentenceMap;
