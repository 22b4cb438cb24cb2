import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { emitRequestEvent } from "./request-events";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { assertCanBeOnCall } from "./availability-check";
import { parseInstant, ZSwapRequestInput } from "./schemas";
import { loadScheduleForUseCase, personName, requirePersonActor } from "./schedule-access";
import { finalShifts } from "./shift-engine";

/**
 * Asks another engineer to swap: they cover the requester's range, the requester covers theirs. Both
 * halves are checked now and again on acceptance, so an accepted swap never double-books anyone.
 */
export async function requestSwap(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string }> {
  const person = requirePersonActor(actor);
  const data = parseInput(ZSwapRequestInput, input);
  const created = await prisma.$transaction(async (tx) => {
    const zoneRow = await tx.onCallSchedule.findUnique({ where: { id: data.scheduleId }, select: { timeZone: true } });
    if (!zoneRow) throw AppError.validation({ scheduleId: ["Choose a schedule."] });
    const zone = zoneRow.timeZone;
    const [startsAt, endsAt, swapStartsAt, swapEndsAt] = [data.startsAt, data.endsAt, data.swapStartsAt, data.swapEndsAt].map((value) => parseInstant(value, zone)!) as [Date, Date, Date, Date];
    if (startsAt < swapEndsAt && swapStartsAt < endsAt) throw AppError.validation({ swapStartsAt: ["The two shifts overlap; pick their shift, not yours."] });
    if (data.responderId === person.id) throw AppError.validation({ responderId: ["Swap with someone other than yourself."] });
    const from = new Date(Math.min(startsAt.getTime(), swapStartsAt.getTime()));
    const to = new Date(Math.max(endsAt.getTime(), swapEndsAt.getTime()));
    const { schedule } = await loadScheduleForUseCase(tx, data.scheduleId, from, to);
    const shifts = finalShifts(schedule.engine, from, to);
    const covers = (personId: string, s: Date, e: Date) => shifts.some((shift) => shift.personId === personId && shift.start < e && shift.end > s);
    if (!covers(person.id, startsAt, endsAt)) throw AppError.validation({ startsAt: ["You are not on call for this schedule in that range."] }, "You are not on call then.");
    const name = await personName(tx, data.responderId);
    if (!covers(data.responderId, swapStartsAt, swapEndsAt)) throw AppError.validation({ swapStartsAt: [`${name} is not on call in that range.`] }, `${name} is not on call then.`);
    await assertCanBeOnCall(tx, { schedule, personId: data.responderId, personName: name, startsAt, endsAt, now, field: "responderId" });
    await assertCanBeOnCall(tx, { schedule, personId: person.id, personName: "You", startsAt: swapStartsAt, endsAt: swapEndsAt, now, field: "swapStartsAt" });
    const request = await tx.onCallRequest.create({
      data: {
        scheduleId: schedule.id, kind: "SWAP", requesterId: person.id, responderId: data.responderId,
        startsAt, endsAt, swapStartsAt, swapEndsAt, message: data.message,
      },
      select: { id: true, kind: true, requesterId: true, responderId: true, startsAt: true, endsAt: true, swapStartsAt: true, swapEndsAt: true, message: true },
    });
    await recordAuditEvent(tx, actor, { action: "oncall-request.create", entityType: "OnCallRequest", entityId: request.id, after: request });
    await emitRequestEvent(tx, "oncall.request.created", request.id);
    return { id: request.id };
  });
  await requestSeal(prisma);
  return created;
}
