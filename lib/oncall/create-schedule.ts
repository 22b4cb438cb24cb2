import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, conflict, isUniqueViolation, parseInput } from "../errors";
import { minuteOfDay, parseInstant, ZScheduleInput } from "./schemas";

/** Creates a team or domain schedule with its first rotation version. */
export async function createSchedule(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ id: string; slug: string }> {
  const data = parseInput(ZScheduleInput, input);
  const effectiveFrom = data.effectiveFrom ? parseInstant(data.effectiveFrom, data.timeZone) : now;
  if (!effectiveFrom) throw AppError.validation({ effectiveFrom: ["Enter a date and time."] });
  try {
    const created = await prisma.$transaction(async (tx) => {
      const teams = await tx.team.findMany({
        where: data.kind === "TEAM" ? { id: data.ownerId } : { domainId: data.ownerId },
        select: { id: true },
      });
      if (teams.length === 0) throw AppError.validation({ ownerId: [data.kind === "TEAM" ? "Choose an existing team." : "Choose a domain with teams."] });
      const memberTeam = actor.kind === "PERSON" ? teams.find((team) => actor.teamIds.includes(team.id)) : undefined;
      authorize(actor, "oncall.schedules.manage", { teamId: (memberTeam ?? teams[0])!.id });
      const people = await tx.person.count({ where: { id: { in: data.participantIds }, deactivatedAt: null } });
      if (people !== data.participantIds.length) throw AppError.validation({ participantIds: ["Choose active people only."] });
      const schedule = await tx.onCallSchedule.create({
        data: {
          slug: data.slug,
          name: data.name,
          kind: data.kind,
          teamId: data.kind === "TEAM" ? data.ownerId : null,
          domainId: data.kind === "DOMAIN" ? data.ownerId : null,
          timeZone: data.timeZone,
          workdayStartMinute: minuteOfDay(data.workdayStart),
          workdayEndMinute: minuteOfDay(data.workdayEnd),
          workingDays: [...new Set(data.workingDays)].sort(),
          holidayCalendarId: data.holidayCalendarId,
          hasSecondary: data.hasSecondary,
          rotations: {
            create: {
              effectiveFrom,
              rotationDays: data.rotationDays,
              handoffWeekday: data.handoffWeekday,
              handoffMinute: minuteOfDay(data.handoffTime),
              timeZone: data.timeZone,
              hasSecondary: data.hasSecondary,
              participants: { create: data.participantIds.map((personId, position) => ({ personId, position })) },
            },
          },
          feeds: { create: { token: randomBytes(32).toString("base64url") } },
        },
        select: { id: true, slug: true },
      });
      await recordAuditEvent(tx, actor, {
        action: "oncall-schedule.create",
        entityType: "OnCallSchedule",
        entityId: schedule.id,
        after: { ...data, effectiveFrom },
      });
      return schedule;
    });
    await requestSeal(prisma);
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict("That slug is taken, or the team or domain already has a schedule.", {
        slug: ["Another schedule uses this slug, or the owner already has one."],
      });
    }
    throw error;
  }
}
