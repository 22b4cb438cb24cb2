// On-call rows for the demo seed and the tests, each written with its audit event like any mutation.
import { randomBytes } from "node:crypto";
import type { Actor } from "../../lib/auth/actor";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";
import type { DbTx } from "../../lib/db";
import type { OnCallLayer, OnCallOverrideKind, OnCallPayModel } from "../../lib/generated/prisma/enums.ts";
import { SEED_ACTOR, uniqueSlug } from "./factories";

export async function createHolidayCalendar(tx: DbTx, input: { slug?: string; name?: string; holidays?: { date: string; name: string }[] } = {}, actor: Actor = SEED_ACTOR) {
  const calendar = await tx.holidayCalendar.create({
    data: {
      slug: input.slug ?? uniqueSlug("holidays"),
      name: input.name ?? "Public holidays",
      holidays: { create: (input.holidays ?? []).map((holiday) => ({ date: new Date(`${holiday.date}T00:00:00Z`), name: holiday.name })) },
    },
    select: { id: true, slug: true, name: true },
  });
  await recordAuditEvent(tx, actor, { action: "holiday-calendar.create", entityType: "HolidayCalendar", entityId: calendar.id, after: { ...calendar, holidays: input.holidays ?? [] } });
  return calendar;
}

export type ScheduleFactoryInput = {
  participantIds: string[];
  teamId?: string | null;
  domainId?: string | null;
  slug?: string;
  name?: string;
  timeZone?: string;
  effectiveFrom?: Date;
  rotationDays?: number;
  handoffWeekday?: number;
  handoffMinute?: number;
  hasSecondary?: boolean;
  /** The secondary layer's own rotation; empty: the next primary person backs up. */
  secondaryIds?: string[];
  holidayCalendarId?: string | null;
  workdayStartMinute?: number;
  workdayEndMinute?: number;
};

export async function createOnCallSchedule(tx: DbTx, input: ScheduleFactoryInput, actor: Actor = SEED_ACTOR) {
  const name = input.name ?? "Out-of-hours rota";
  const schedule = await tx.onCallSchedule.create({
    data: {
      slug: input.slug ?? uniqueSlug(name),
      name,
      kind: input.domainId ? "DOMAIN" : "TEAM",
      teamId: input.domainId ? null : (input.teamId ?? null),
      domainId: input.domainId ?? null,
      timeZone: input.timeZone ?? "Europe/London",
      workdayStartMinute: input.workdayStartMinute ?? 540,
      workdayEndMinute: input.workdayEndMinute ?? 1020,
      hasSecondary: input.hasSecondary ?? false,
      holidayCalendarId: input.holidayCalendarId ?? null,
      rotations: {
        create: {
          effectiveFrom: input.effectiveFrom ?? new Date(),
          rotationDays: input.rotationDays ?? 7,
          handoffWeekday: input.handoffWeekday ?? 1,
          handoffMinute: input.handoffMinute ?? 540,
          timeZone: input.timeZone ?? "Europe/London",
          hasSecondary: input.hasSecondary ?? false,
          participants: {
            create: [
              ...input.participantIds.map((personId, position) => ({ personId, position })),
              ...(input.secondaryIds ?? []).map((personId, position) => ({ personId, position, layer: "SECONDARY" as const })),
            ],
          },
        },
      },
      feeds: { create: { token: randomBytes(32).toString("base64url") } },
    },
    select: { id: true, slug: true, name: true, timeZone: true },
  });
  await recordAuditEvent(tx, actor, { action: "oncall-schedule.create", entityType: "OnCallSchedule", entityId: schedule.id, after: { ...schedule, participantIds: input.participantIds } });
  return schedule;
}

export async function createOnCallOverride(
  tx: DbTx,
  input: { scheduleId: string; personId: string; startsAt: Date; endsAt: Date; kind?: OnCallOverrideKind; layer?: OnCallLayer; replacesPersonId?: string | null },
  actor: Actor = SEED_ACTOR,
) {
  const row = await tx.onCallOverride.create({
    data: { kind: "ASSIGNED", layer: "PRIMARY", replacesPersonId: null, ...input },
    select: { id: true, scheduleId: true, personId: true, startsAt: true, endsAt: true, kind: true, layer: true },
  });
  await recordAuditEvent(tx, actor, { action: "oncall-override.create", entityType: "OnCallOverride", entityId: row.id, after: row });
  return row;
}

export async function createOnCallLeave(tx: DbTx, input: { personId: string; startsAt: Date; endsAt: Date; note?: string }, actor: Actor = SEED_ACTOR) {
  const row = await tx.onCallLeave.create({ data: { note: "", ...input }, select: { id: true, personId: true, startsAt: true, endsAt: true, note: true } });
  await recordAuditEvent(tx, actor, { action: "oncall-leave.create", entityType: "OnCallLeave", entityId: row.id, after: row });
  return row;
}

export async function createPayPolicy(
  tx: DbTx,
  input: { teamId: string; model?: OnCallPayModel; standbyRate?: number; weekendHolidayRate?: number; calloutRate?: number },
  actor: Actor = SEED_ACTOR,
) {
  const row = await tx.onCallPayPolicy.create({
    data: { model: "STANDBY_ONLY", standbyRate: 300, weekendHolidayRate: 450, calloutRate: 0, ...input },
    select: { teamId: true, model: true, standbyRate: true, weekendHolidayRate: true, calloutRate: true },
  });
  await recordAuditEvent(tx, actor, { action: "oncall-pay-policy.create", entityType: "OnCallPayPolicy", entityId: row.teamId, after: row });
  return row;
}
