import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { emitRequestEvent } from "./request-events";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { assertCanBeOnCall } from "./availability-check";
import { parseInstant, ZCoverRequestInput } from "./schemas";
import { loadScheduleForUseCase, personName, requirePersonActor } from "./schedule-access";
import { finalShifts } from "./shift-engine";

/** Asks another engineer to cover a range of the requester's own on-call time. They accept or decline. */
export async function requestCover(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string }> {
  const person = requirePersonActor(actor);
  const data = parseInput(ZCoverRequestInput, input);
  const created = await prisma.$transaction(async (tx) => {
    const zoneRow = await tx.onCallSchedule.findUnique({ where: { id: data.scheduleId }, select: { timeZone: true } });
    if (!zoneRow) throw AppError.validation({ scheduleId: ["Choose a schedule."] });
    const startsAt = parseInstant(data.startsAt, zoneRow.timeZone)!;
    const endsAt = parseInstant(data.endsAt, zoneRow.timeZone)!;
    const { schedule } = await loadScheduleForUseCase(tx, data.scheduleId, startsAt, endsAt);
    if (data.responderId === person.id) throw AppError.validation({ responderId: ["Ask someone other than yourself."] });
    // A range of hours or several shifts: the requester must hold all of it on the primary layer, or the
    // cover would also take someone else's time.
    const primary = finalShifts(schedule.engine, startsAt, endsAt).filter((shift) => shift.layer === "PRIMARY");
    const mineMs = primary.filter((shift) => shift.personId === person.id).reduce((sum, shift) => sum + (shift.end.getTime() - shift.start.getTime()), 0);
    if (mineMs === 0) throw AppError.validation({ startsAt: ["You are not on call for this schedule in that range."] }, "You are not on call then.");
    if (mineMs < endsAt.getTime() - startsAt.getTime()) {
      throw AppError.validation({ startsAt: ["Part of that range is not your shift: ask for cover of hours you are on call only."] }, "You are not on call for all of that range.");
    }
    const name = await personName(tx, data.responderId);
    await assertCanBeOnCall(tx, { schedule, personId: data.responderId, personName: name, startsAt, endsAt, now, field: "responderId" });
    const request = await tx.onCallRequest.create({
      data: { scheduleId: schedule.id, kind: "COVER", requesterId: person.id, responderId: data.responderId, startsAt, endsAt, message: data.message },
      select: { id: true, kind: true, requesterId: true, responderId: true, startsAt: true, endsAt: true, message: true },
    });
    await recordAuditEvent(tx, actor, { action: "oncall-request.create", entityType: "OnCallRequest", entityId: request.id, after: request });
    await emitRequestEvent(tx, "oncall.request.created", request.id);
    return { id: request.id };
  });
  await requestSeal(prisma);
  return created;
}
