import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError } from "../errors";
import { continuingPeople, startRotationVersion } from "./rotation-versions";
import { loadScheduleForUseCase, requirePersonActor } from "./schedule-access";

/**
 * A person opts out of (or back into) a schedule; no reason is asked. Opting out takes them out of the
 * rotation from now (a new version with the others in the same order); their existing overrides stay,
 * so cover they promised is not silently dropped.
 */
export async function setOptOut(prisma: Db, actor: Actor, scheduleId: string, optedOut: boolean, now = new Date()): Promise<void> {
  const person = requirePersonActor(actor);
  await prisma.$transaction(async (tx) => {
    const { schedule } = await loadScheduleForUseCase(tx, scheduleId, now, now);
    const current = schedule.optedOutIds.includes(person.id);
    if (current === optedOut) return;
    if (optedOut) {
      await tx.onCallOptOut.create({ data: { scheduleId, personId: person.id }, select: { personId: true } });
      const remaining = schedule.participants.filter((participant) => participant.id !== person.id);
      if (remaining.length !== schedule.participants.length && schedule.latestRotation) {
        if (remaining.length === 0) throw AppError.validation({ _form: ["You are the only person on this rota; ask an admin to change the schedule."] });
        const rotation = schedule.latestRotation;
        await startRotationVersion(tx, scheduleId, {
          effectiveFrom: now,
          rotationDays: rotation.rotationDays,
          handoffWeekday: rotation.handoffWeekday,
          handoffMinute: rotation.handoffMinute,
          timeZone: rotation.timeZone,
          hasSecondary: rotation.hasSecondary,
          ...continuingPeople(schedule, now, {
            participantIds: remaining.map((participant) => participant.id),
            secondaryIds: schedule.secondaryParticipants.map((participant) => participant.id).filter((id) => id !== person.id),
          }),
        });
      }
    } else {
      await tx.onCallOptOut.delete({ where: { scheduleId_personId: { scheduleId, personId: person.id } } });
    }
    await recordAuditEvent(tx, actor, {
      action: optedOut ? "oncall-schedule.opt-out" : "oncall-schedule.opt-in",
      entityType: "OnCallSchedule",
      entityId: scheduleId,
      after: { personId: person.id },
    });
  });
  await requestSeal(prisma);
}
