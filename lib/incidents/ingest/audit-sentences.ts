// The alert integrations in the audit trail (incident.declare, .acknowledge, .resolve come from the
// incident core). Registered in lib/audit/audit-actions.ts.
import { sentence, type SentenceContext, type SentenceMap } from "../../audit/sentence-kit";

const TOOL: Record<string, string> = { ALERTMANAGER: " from Alertmanager", PAGERDUTY: " from a PagerDuty event" };
const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
const alerts = (ctx: SentenceContext, n: number, what: string) => `${ctx.words.number(n)} alert${n === 1 ? "" : "s"} ${what}`;

function recorded(ctx: SentenceContext): string {
  const parts: string[] = [];
  const fired = count(ctx.after.fired);
  const resolved = count(ctx.after.resolved);
  const updated = count(ctx.after.updated);
  if (fired) parts.push(alerts(ctx, fired, "firing"));
  if (resolved) parts.push(alerts(ctx, resolved, "resolved"));
  if (updated) parts.push(alerts(ctx, updated, "updated"));
  return parts.length ? parts.join(", ") : "alert changes";
}

export const alertIngestSentences = {
  "incident.record-alerts": (ctx) => {
    const truncated = count(ctx.after.truncatedAlerts);
    const names = Array.isArray(ctx.after.firedNames) && ctx.after.firedNames.length ? ` (${ctx.after.firedNames.map(String).join(", ")})` : "";
    return sentence(
      ctx.actor, ` recorded ${recorded(ctx)}${names} on `, ctx.entity, TOOL[String(ctx.after.source)] ?? "",
      `; ${ctx.words.number(count(ctx.after.stillFiring))} still firing`,
      truncated ? `; ${ctx.words.number(truncated)} more left out by Alertmanager` : "",
    );
  },
} satisfies SentenceMap;
