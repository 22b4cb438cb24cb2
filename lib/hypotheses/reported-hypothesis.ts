// The `hypothesis` field of a deployment report (POST /api/v1/deployments): "HYP-12" or an id, of the
// reported service. Resolved before anything is written, so a wrong one is a field error (422).
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Actor } from "../auth/actor";
import type { Db, DbTx } from "../db";
import { parseHypothesisRef } from "./rules";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The hypothesis's id, or the field error that refuses the report. */
export async function resolveReportedHypothesis(tx: DbTx, ref: string, serviceId: string): Promise<{ id: string } | { error: string }> {
  const parsed = parseHypothesisRef(ref);
  if ("id" in parsed && !UUID.test(parsed.id)) return { error: `No hypothesis is called "${ref}": name it as HYP-<number> or by its id.` };
  const row = await tx.hypothesis.findUnique({ where: "number" in parsed ? { number: parsed.number } : { id: parsed.id }, select: { id: true, serviceId: true, number: true } });
  if (!row) return { error: `No hypothesis is called "${ref}".` };
  if (row.serviceId !== serviceId) return { error: `HYP-${row.number} is another service's hypothesis: a release can only ship its own service's.` };
  return { id: row.id };
}

/** A replayed report that names a hypothesis not linked yet links it (nothing else of a replay is written). */
export async function linkReplayedHypothesis(prisma: Db, actor: Actor, hypothesisId: string, deploymentId: string): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const { count } = await tx.hypothesisDeployment.createMany({ data: [{ hypothesisId, deploymentId }], skipDuplicates: true });
    if (count === 0) return false;
    await recordAuditEvent(tx, actor, { action: "hypothesis.link-deployment", entityType: "Hypothesis", entityId: hypothesisId, after: { deploymentId, via: "report" } });
    return true;
  });
}
