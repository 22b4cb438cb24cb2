// The CAB's settings: one row, defaults until a change manager saves them.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db, DbTx } from "../db";
import { parseInput } from "../errors";
import { ZCabSettings } from "./schemas";

export type CabSettings = { quorum: number; emergencyReviewHours: number; meetingWeekday: number; meetingMinute: number; timeZone: string };

export const DEFAULT_CAB: CabSettings = { quorum: 2, emergencyReviewHours: 72, meetingWeekday: 2, meetingMinute: 600, timeZone: "Europe/London" };

export async function readCabSettings(tx: DbTx): Promise<CabSettings> {
  const row = await tx.cabSettings.findUnique({ where: { id: 1 }, select: { quorum: true, emergencyReviewHours: true, meetingWeekday: true, meetingMinute: true, timeZone: true } });
  return row ?? DEFAULT_CAB;
}

export async function updateCabSettings(prisma: Db, actor: Actor, input: unknown) {
  authorize(actor, "cab.settings"); // who may, before what they sent is read
  const data = parseInput(ZCabSettings, input);
  const [hours, minutes] = data.meetingTime.split(":").map(Number) as [number, number];
  const values = { quorum: data.quorum, emergencyReviewHours: data.emergencyReviewHours, meetingWeekday: data.meetingWeekday, meetingMinute: hours * 60 + minutes };
  const saved = await prisma.$transaction(async (tx) => {
    const before = await readCabSettings(tx);
    const after = await tx.cabSettings.upsert({ where: { id: 1 }, create: { id: 1, ...values }, update: values, select: { quorum: true, emergencyReviewHours: true, meetingWeekday: true, meetingMinute: true, timeZone: true } });
    await recordAuditEvent(tx, actor, { action: "cab.settings", entityType: "CabSettings", entityId: "1", before, after });
    return after;
  });
  await requestSeal(prisma);
  return saved;
}
