import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { startRotationVersion } from "./rotation-versions";
import { minuteOfDay, parseInstant, ZRotationInput } from "./schemas";
import { authorizeSchedule, loadScheduleForUseCase } from "./schedule-access";

/**
 * A new rotation version from a date: the past keeps its shifts, and the first person in the new
 * order takes the shift that contains the effective date. Adding or removing people mid-rotation is this.
 * The secondary layer may have its own ordered rotation; the zone and whether there is a secondary
 * layer are schedule settings (see update-schedule) and carry over.
 */
export async function editRotation(prisma: Db, actor: Actor, scheduleId: string, input: unknown, now = new Date()): Promise<{ slug: string }> {
  const data = parseInput(ZRotationInput, input);
  const edited = await prisma.$transaction(async (tx) => {
    const { schedule, facts } = await loadScheduleForUseCase(tx, scheduleId, now, now);
    authorizeSchedule(actor, "oncall.schedules.manage", facts);
    const effectiveFrom = data.effectiveFrom ? parseInstant(data.effectiveFrom, schedule.engine.timeZone) : now;
    if (!effectiveFrom) throw AppError.validation({ effectiveFrom: ["Enter a date and time."] });
    if (effectiveFrom.getTime() < now.getTime() - 60_000) {
      throw AppError.validation({ effectiveFrom: ["A rotation change takes effect from now or later; past shifts stay as they were."] });
    }
    if (data.secondaryIds.length > 0 && !schedule.hasSecondary) {
      throw AppError.validation({ secondaryIds: ["This schedule has no secondary layer; turn it on in the schedule's settings first."] });
    }
    const everyone = [...new Set([...data.participantIds, ...data.secondaryIds])];
    const optedOut = data.participantIds.filter((id) => schedule.optedOutIds.includes(id));
    if (optedOut.length) throw AppError.validation({ participantIds: ["Someone in the list has opted out of this schedule; ask them to opt back in."] });
    if (data.secondaryIds.some((id) => schedule.optedOutIds.includes(id))) {
      throw AppError.validation({ secondaryIds: ["Someone in the list has opted out of this schedule; ask them to opt back in."] });
    }
    const people = await tx.person.count({ where: { id: { in: everyone }, deactivatedAt: null } });
    if (people !== everyone.length) throw AppError.validation({ participantIds: ["Choose active people only."] });
    const rotation = await startRotationVersion(tx, scheduleId, {
      effectiveFrom,
      rotationDays: data.rotationDays,
      handoffWeekday: data.handoffWeekday,
      handoffMinute: minuteOfDay(data.handoffTime),
      timeZone: schedule.engine.timeZone,
      hasSecondary: schedule.hasSecondary,
      participantIds: data.participantIds,
      secondaryIds: data.secondaryIds,
    });
    await recordAuditEvent(tx, actor, {
      action: "oncall-rotation.edit",
      entityType: "OnCallSchedule",
      entityId: scheduleId,
      before: {
        participantIds: schedule.participants.map((person) => person.id),
        secondaryIds: schedule.secondaryParticipants.map((person) => person.id),
        rotation: schedule.latestRotation,
      },
      after: { rotationId: rotation.id, ...data, effectiveFrom },
    });
    return { slug: schedule.slug };
  });
  await requestSeal(prisma);
  return edited;
}
