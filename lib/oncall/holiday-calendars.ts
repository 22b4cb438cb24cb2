// Holiday calendar use cases: create and rename a calendar, add and remove dated holidays, import an
// .ics of public holidays. Calendars are shared by schedules of many teams, so admins and leads of any
// team keep them. Every change is audited in its transaction.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize, can } from "../authz/can";
import type { Db, DbTx } from "../db";
import { AppError, conflict, isUniqueViolation, notFound, parseInput } from "../errors";
import { parseHolidayIcs } from "./holiday-ics";
import { leadsAnyTeam } from "./queries";
import { ZHolidayCalendarInput, ZHolidayImportInput, ZHolidayInput } from "./schemas";

export async function canManageHolidays(tx: DbTx, actor: Actor): Promise<boolean> {
  if (can(actor, "oncall.holidays.manage")) return true;
  return actor.kind === "PERSON" && can(actor, "oncall.holidays.manage", { isTeamLead: await leadsAnyTeam(tx, actor.id) });
}

async function authorizeHolidays(tx: DbTx, actor: Actor): Promise<void> {
  authorize(actor, "oncall.holidays.manage", { isTeamLead: actor.kind === "PERSON" && (await leadsAnyTeam(tx, actor.id)) });
}

const dateOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function calendarOrThrow(tx: DbTx, calendarId: string) {
  const calendar = await tx.holidayCalendar.findUnique({ where: { id: calendarId }, select: { id: true, slug: true, name: true } });
  if (!calendar) throw notFound("The holiday calendar");
  return calendar;
}

export async function createHolidayCalendar(prisma: Db, actor: Actor, input: unknown): Promise<{ id: string; slug: string }> {
  const data = parseInput(ZHolidayCalendarInput, input);
  try {
    const created = await prisma.$transaction(async (tx) => {
      await authorizeHolidays(tx, actor);
      const calendar = await tx.holidayCalendar.create({ data, select: { id: true, slug: true, name: true } });
      await recordAuditEvent(tx, actor, { action: "holiday-calendar.create", entityType: "HolidayCalendar", entityId: calendar.id, after: calendar });
      return calendar;
    });
    await requestSeal(prisma);
    return created;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("That slug is taken.", { slug: ["Another holiday calendar uses this slug."] });
    throw error;
  }
}

export async function renameHolidayCalendar(prisma: Db, actor: Actor, calendarId: string, input: unknown): Promise<{ slug: string }> {
  const data = parseInput(ZHolidayCalendarInput, input);
  try {
    await prisma.$transaction(async (tx) => {
      await authorizeHolidays(tx, actor);
      const before = await calendarOrThrow(tx, calendarId);
      await tx.holidayCalendar.update({ where: { id: calendarId }, data, select: { id: true } });
      await recordAuditEvent(tx, actor, { action: "holiday-calendar.update", entityType: "HolidayCalendar", entityId: calendarId, before, after: data });
    });
    await requestSeal(prisma);
    return { slug: data.slug };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict("That slug is taken.", { slug: ["Another holiday calendar uses this slug."] });
    throw error;
  }
}

export async function addHoliday(prisma: Db, actor: Actor, calendarId: string, input: unknown): Promise<{ id: string }> {
  const data = parseInput(ZHolidayInput, input);
  const created = await prisma.$transaction(async (tx) => {
    await authorizeHolidays(tx, actor);
    await calendarOrThrow(tx, calendarId);
    const existing = await tx.holiday.findUnique({ where: { calendarId_date: { calendarId, date: dateOf(data.date) } }, select: { name: true } });
    if (existing) throw AppError.validation({ date: [`${data.date} is already a holiday here (${existing.name}).`] });
    const holiday = await tx.holiday.create({ data: { calendarId, date: dateOf(data.date), name: data.name }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "holiday.create", entityType: "Holiday", entityId: holiday.id, after: { calendarId, ...data } });
    return holiday;
  });
  await requestSeal(prisma);
  return created;
}

export async function removeHoliday(prisma: Db, actor: Actor, holidayId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await authorizeHolidays(tx, actor);
    const holiday = await tx.holiday.findUnique({ where: { id: holidayId }, select: { id: true, calendarId: true, date: true, name: true } });
    if (!holiday) throw notFound("The holiday");
    await tx.holiday.delete({ where: { id: holidayId }, select: { id: true } });
    await recordAuditEvent(tx, actor, {
      action: "holiday.delete",
      entityType: "Holiday",
      entityId: holidayId,
      before: { calendarId: holiday.calendarId, date: holiday.date.toISOString().slice(0, 10), name: holiday.name },
    });
  });
  await requestSeal(prisma);
}

/** Adds the all-day events of an .ics file; dates the calendar already has are left as they are. */
export async function importHolidays(prisma: Db, actor: Actor, calendarId: string, input: { ics: string }): Promise<{ added: number; alreadyThere: number; skipped: number }> {
  const data = parseInput(ZHolidayImportInput, input);
  let parsed: ReturnType<typeof parseHolidayIcs>;
  try {
    parsed = parseHolidayIcs(data.ics);
  } catch (error) {
    throw AppError.validation({ ics: [(error as Error).message] });
  }
  if (parsed.holidays.length === 0) throw AppError.validation({ ics: ["The file has no all-day events to import."] });
  const result = await prisma.$transaction(async (tx) => {
    await authorizeHolidays(tx, actor);
    await calendarOrThrow(tx, calendarId);
    const { count } = await tx.holiday.createMany({
      data: parsed.holidays.map((holiday) => ({ calendarId, date: dateOf(holiday.date), name: holiday.name })),
      skipDuplicates: true,
    });
    await recordAuditEvent(tx, actor, {
      action: "holiday-calendar.import",
      entityType: "HolidayCalendar",
      entityId: calendarId,
      after: { added: count, dates: parsed.holidays.map((holiday) => holiday.date), skippedTimedEvents: parsed.skipped },
    });
    return { added: count, alreadyThere: parsed.holidays.length - count, skipped: parsed.skipped };
  });
  await requestSeal(prisma);
  return result;
}
