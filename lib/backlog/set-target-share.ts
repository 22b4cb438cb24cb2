// The product manager strikes the team's balance: the share of work, by estimate, that should be
// operational (0–100 %, or none).
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { conflict, notFound, parseInput } from "../errors";
import { ZSetTarget } from "./schemas";

export async function setTargetShare(prisma: Db, actor: Actor, input: unknown): Promise<{ target: number | null }> {
  const data = parseInput(ZSetTarget, input);
  await prisma.$transaction(async (tx) => {
    const team = await tx.team.findUnique({ where: { slug: data.teamSlug }, select: { id: true, name: true, targetOperationalShare: true } });
    if (!team) throw notFound("The team");
    authorize(actor, "backlog.set-target", { teamId: team.id });
    if (team.targetOperationalShare === data.target) throw conflict("The target is already that.", { target: ["The target is already that."] });
    await tx.team.update({ where: { id: team.id }, data: { targetOperationalShare: data.target }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "backlog.set-target", entityType: "Team", entityId: team.id, before: { name: team.name, target: team.targetOperationalShare }, after: { target: data.target } });
  });
  await requestSeal(prisma);
  return { target: data.target };
}
