import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { assertCanBeOnCall } from "./availability-check";
import { parseInstant, ZAssignOverrideInput } from "./schemas";
import { authorizeSchedule, loadScheduleForUseCase, personName } from "./schedule-access";
import { finalShifts } from "./shift-engine";

/** Admins and team leads put someone on call for a range directly, without a request. */
export async function assignOverride(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string }> {
  const data = parseInput(ZAssignOverrideInput, input);
  const created = await prisma.$transaction(async (tx) => {
    const zoneRow = await tx.onCallSchedule.findUnique({ where: { id: data.scheduleId }, select: { timeZone: true } });
    if (!zoneRow) throw AppError.validation({ scheduleId: ["Choose a schedule."] });
    const startsAt = parseInstant(data.startsAt, zoneRow.timeZone)!;
    const endsAt = parseInstant(data.endsAt, zoneRow.timeZone)!;
    const { schedule, facts } = await loadScheduleForUseCase(tx, data.scheduleId, startsAt, endsAt);
    authorizeSchedule(actor, "oncall.overrides.assign", facts);
    if (data.layer === "SECONDARY" && !schedule.hasSecondary) throw AppError.validation({ layer: ["This schedule has no secondary layer."] });
    const name = await personName(tx, data.personId);
    await assertCanBeOnCall(tx, { schedule, personId: data.personId, personName: name, startsAt, endsAt, now, field: "personId" });
    const replaced = finalShifts(schedule.engine, startsAt, endsAt).find((shift) => shift.layer === data.layer)?.personId ?? null;
    const row = await tx.onCallOverride.create({
      data: { scheduleId: schedule.id, layer: data.layer, kind: "ASSIGNED", personId: data.personId, replacesPersonId: replaced, startsAt, endsAt, createdById: actor.kind === "PERSON" ? actor.id : null },
      select: { id: true, layer: true, personId: true, replacesPersonId: true, startsAt: true, endsAt: true, kind: true },
    });
    await recordAuditEvent(tx, actor, { action: "oncall-override.assign", entityType: "OnCallOverride", entityId: row.id, after: row });
    return { id: row.id };
  });
  await requestSeal(prisma);
  return created;
}
