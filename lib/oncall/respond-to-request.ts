import type { Actor } from "../auth/actor";
import type { AuditAction } from "../audit/audit-actions";
import { recordAuditEvent } from "../audit/record-audit-event";
import { emitRequestEvent } from "./request-events";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, conflict, notFound } from "../errors";
import { assertCanBeOnCall } from "./availability-check";
import { loadScheduleForUseCase, requirePersonActor } from "./schedule-access";
import { finalShifts } from "./shift-engine";

export const REQUEST_RESPONSES = ["ACCEPT", "DECLINE", "CANCEL"] as const;
export type RequestResponse = (typeof REQUEST_RESPONSES)[number];

const RESPONSE_ACTIONS = { ACCEPT: "oncall-request.accept", DECLINE: "oncall-request.decline", CANCEL: "oncall-request.cancel" } as const satisfies Record<RequestResponse, AuditAction>;

/**
 * The responder accepts or declines; the requester may cancel while it is pending. Accepting re-checks
 * availability (things change while a request waits) and writes the overrides in the same transaction.
 */
export async function respondToRequest(prisma: Db, actor: Actor, requestId: string, response: RequestResponse, now = new Date()): Promise<void> {
  const person = requirePersonActor(actor);
  await prisma.$transaction(async (tx) => {
    const request = await tx.onCallRequest.findUnique({
      where: { id: requestId },
      select: {
        id: true, scheduleId: true, kind: true, status: true, requesterId: true, responderId: true,
        startsAt: true, endsAt: true, swapStartsAt: true, swapEndsAt: true,
        requester: { select: { name: true } }, responder: { select: { name: true } },
      },
    });
    if (!request) throw notFound("The request");
    const allowed = response === "CANCEL" ? request.requesterId === person.id : request.responderId === person.id;
    if (!allowed) throw new AppError("FORBIDDEN", response === "CANCEL" ? "Only the person who asked can cancel a request." : "Only the person asked can answer this request.");
    if (request.status !== "PENDING") throw conflict(`This request was already ${request.status.toLowerCase()}.`);
    if (response === "ACCEPT") {
      if (request.endsAt <= now) throw conflict("This request is for a time that has passed.");
      const from = new Date(Math.min(request.startsAt.getTime(), (request.swapStartsAt ?? request.startsAt).getTime()));
      const to = new Date(Math.max(request.endsAt.getTime(), (request.swapEndsAt ?? request.endsAt).getTime()));
      const { schedule } = await loadScheduleForUseCase(tx, request.scheduleId, from, to);
      await assertCanBeOnCall(tx, { schedule, personId: request.responderId, personName: "You", startsAt: request.startsAt, endsAt: request.endsAt, now, field: "_form" });
      const shifts = finalShifts(schedule.engine, from, to);
      const holder = (s: Date, e: Date) => shifts.find((shift) => shift.layer === "PRIMARY" && shift.start < e && shift.end > s)?.personId ?? null;
      const overrides = [{ personId: request.responderId, replacesPersonId: holder(request.startsAt, request.endsAt), startsAt: request.startsAt, endsAt: request.endsAt }];
      if (request.kind === "SWAP" && request.swapStartsAt && request.swapEndsAt) {
        await assertCanBeOnCall(tx, { schedule, personId: request.requesterId, personName: request.requester.name, startsAt: request.swapStartsAt, endsAt: request.swapEndsAt, now, field: "_form" });
        overrides.push({ personId: request.requesterId, replacesPersonId: holder(request.swapStartsAt, request.swapEndsAt), startsAt: request.swapStartsAt, endsAt: request.swapEndsAt });
      }
      for (const override of overrides) {
        const row = await tx.onCallOverride.create({
          data: { scheduleId: request.scheduleId, layer: "PRIMARY", kind: request.kind, requestId: request.id, createdById: person.id, ...override },
          select: { id: true, personId: true, replacesPersonId: true, startsAt: true, endsAt: true, kind: true, requestId: true },
        });
        await recordAuditEvent(tx, actor, { action: "oncall-override.create", entityType: "OnCallOverride", entityId: row.id, after: row });
      }
    }
    const status = response === "ACCEPT" ? "ACCEPTED" : response === "DECLINE" ? "DECLINED" : "CANCELLED";
    await tx.onCallRequest.update({ where: { id: request.id }, data: { status, decidedAt: now }, select: { id: true } });
    await recordAuditEvent(tx, actor, {
      action: RESPONSE_ACTIONS[response],
      entityType: "OnCallRequest",
      entityId: request.id,
      before: { status: request.status },
      after: { status },
    });
    if (status === "ACCEPTED") await emitRequestEvent(tx, "oncall.request.accepted", request.id);
    if (status === "DECLINED") await emitRequestEvent(tx, "oncall.request.declined", request.id);
  });
  await requestSeal(prisma);
}
