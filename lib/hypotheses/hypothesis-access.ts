// The hypothesis a product manager acts on, read and authorised in one place for every use case.
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { DbTx } from "../db";
import { notFound } from "../errors";

export async function hypothesisForManage(tx: DbTx, actor: Actor, id: string) {
  const row = await tx.hypothesis.findUnique({
    where: { id },
    select: { id: true, number: true, serviceId: true, measureBy: true, result: true, service: { select: { slug: true, teamId: true } } },
  });
  if (!row) throw notFound("The hypothesis");
  authorize(actor, "hypotheses.manage", { teamId: row.service.teamId, serviceId: row.serviceId });
  return row;
}
