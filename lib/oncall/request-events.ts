// The domain events of swap and cover requests: asked (to the person asked), accepted or declined
// (to the person who asked). Emitted in the request's own transaction.
import type { DbTx } from "../db";
import { emitEvent } from "../events/emit";

type RequestEventType = "oncall.request.created" | "oncall.request.accepted" | "oncall.request.declined";

export async function emitRequestEvent(tx: DbTx, type: RequestEventType, requestId: string): Promise<void> {
  const request = await tx.onCallRequest.findUniqueOrThrow({
    where: { id: requestId },
    select: {
      id: true, kind: true, startsAt: true, endsAt: true,
      schedule: { select: { id: true, name: true, slug: true, teamId: true } },
      requester: { select: { id: true, name: true } },
      responder: { select: { id: true, name: true } },
    },
  });
  const base = {
    id: request.id,
    kind: request.kind,
    schedule: { id: request.schedule.id, name: request.schedule.name },
    shiftStart: request.startsAt.toISOString(),
    shiftEnd: request.endsAt.toISOString(),
    requester: request.requester,
    target: request.responder,
    href: `/oncall/${request.schedule.slug}`,
  };
  const subject = { entityType: "OnCallRequest", entityId: request.id, teamId: request.schedule.teamId };
  if (type === "oncall.request.created") await emitEvent(tx, type, subject, base);
  else await emitEvent(tx, type, subject, { ...base, responder: request.responder });
}
