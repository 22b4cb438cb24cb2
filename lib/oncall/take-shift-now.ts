import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { conflict } from "../errors";
import { assertCanBeOnCall } from "./availability-check";
import { loadScheduleForUseCase, requirePersonActor } from "./schedule-access";
import { finalShifts, shiftAt, stretchEnd } from "./shift-engine";

const LOOKAHEAD_MS = 60 * 86_400_000;

/**
 * "I'll take it from here": the actor becomes primary from now until the live shift ends. Immediate,
 * like Grafana OnCall's take-shift, because relieving someone needs no consent; it is audited.
 */
export async function takeShiftNow(prisma: Db, actor: Actor, scheduleId: string, now = new Date()): Promise<{ id: string; endsAt: Date }> {
  const person = requirePersonActor(actor);
  const result = await prisma.$transaction(async (tx) => {
    const { schedule } = await loadScheduleForUseCase(tx, scheduleId, now, new Date(now.getTime() + LOOKAHEAD_MS));
    const shifts = finalShifts(schedule.engine, now, new Date(now.getTime() + LOOKAHEAD_MS));
    const { current } = shiftAt(shifts, "PRIMARY", now);
    if (!current) throw conflict("Nobody is on call for this schedule right now, so there is no live shift to take.");
    if (current.personId === person.id) throw conflict("You are already on call for this schedule.");
    const endsAt = stretchEnd(shifts, current);
    await assertCanBeOnCall(tx, { schedule, personId: person.id, personName: "You", startsAt: now, endsAt, now, field: "_form" });
    const row = await tx.onCallOverride.create({
      data: { scheduleId, layer: "PRIMARY", kind: "TAKE_NOW", personId: person.id, replacesPersonId: current.personId, startsAt: now, endsAt, createdById: person.id },
      select: { id: true, personId: true, replacesPersonId: true, startsAt: true, endsAt: true, kind: true },
    });
    await recordAuditEvent(tx, actor, { action: "oncall-override.take-now", entityType: "OnCallOverride", entityId: row.id, after: row });
    return { id: row.id, endsAt };
  });
  await requestSeal(prisma);
  return result;
}
