// Reads for on-call: the only place this area reads through Prisma. Explicit selects, DTOs out.
import type { DbTx } from "../db";
import type { Prisma } from "../generated/prisma/client.ts";
import type { ScheduleInput } from "./shift-engine";
import type { WorkingHours } from "./working-hours";

export type PersonRef = { id: string; name: string; email: string };

export type LoadedSchedule = {
  id: string;
  slug: string;
  name: string;
  kind: "TEAM" | "DOMAIN";
  teamId: string | null;
  domainId: string | null;
  ownerName: string;
  hasSecondary: boolean;
  engine: ScheduleInput;
  hours: WorkingHours;
  /** Participants of the latest rotation version, in order. */
  participants: PersonRef[];
  optedOutIds: string[];
  firstEffectiveFrom: Date | null;
  latestRotation: { effectiveFrom: Date; rotationDays: number; handoffWeekday: number; handoffMinute: number; timeZone: string; hasSecondary: boolean } | null;
  /** The secondary layer's own rotation in the latest version, in order (empty: the next primary backs up). */
  secondaryParticipants: PersonRef[];
  holidayCalendarId: string | null;
  workingDays: number[];
  archivedAt: Date | null;
  holidayCalendarName: string | null;
  workdayStartMinute: number;
  workdayEndMinute: number;
};

const scheduleSelect = {
  id: true, slug: true, name: true, kind: true, teamId: true, domainId: true, timeZone: true, hasSecondary: true, archivedAt: true, holidayCalendarId: true,
  workdayStartMinute: true, workdayEndMinute: true, workingDays: true,
  team: { select: { name: true } },
  domain: { select: { name: true } },
  holidayCalendar: { select: { name: true, holidays: { select: { date: true } } } },
  rotations: {
    select: {
      effectiveFrom: true, rotationDays: true, handoffWeekday: true, handoffMinute: true, timeZone: true, hasSecondary: true,
      participants: { select: { personId: true, position: true, layer: true }, orderBy: { position: "asc" } },
    },
    orderBy: { effectiveFrom: "asc" },
  },
  optOuts: { select: { personId: true } },
} as const satisfies Prisma.OnCallScheduleSelect;

/**
 * Schedules with everything the shift engine needs for [from, to): rotation versions, live overrides in
 * the range, and the leave of everyone who could be on call in it. Three queries whatever the count.
 */
export async function loadSchedules(
  tx: DbTx,
  where: Prisma.OnCallScheduleWhereInput,
  from: Date,
  to: Date,
  /** Who-is-on-call needs neither leave nor participant names: skipping them saves two round trips. */
  options: { withLeave?: boolean; withPeople?: boolean; includeArchived?: boolean } = {},
): Promise<LoadedSchedule[]> {
  const { withLeave = true, withPeople = true, includeArchived = false } = options;
  // Archived schedules cover nothing: only history (the pay report) and their own page read them.
  if (!includeArchived) where = { AND: [where, { archivedAt: null }] };
  // Schedules and their overrides in parallel: the override query filters by the same schedule condition.
  const [rows, overrides] = await Promise.all([
    tx.onCallSchedule.findMany({ where, select: scheduleSelect, orderBy: { name: "asc" } }),
    tx.onCallOverride.findMany({
      where: { schedule: where, cancelledAt: null, startsAt: { lt: to }, endsAt: { gt: from } },
      select: { id: true, scheduleId: true, layer: true, personId: true, startsAt: true, endsAt: true, kind: true, createdAt: true },
    }),
  ]);
  if (rows.length === 0) return [];
  const personIds = new Set<string>();
  for (const row of rows) for (const rotation of row.rotations) for (const participant of rotation.participants) personIds.add(participant.personId);
  for (const override of overrides) personIds.add(override.personId);
  const latestIds = rows.flatMap((row) => row.rotations.at(-1)?.participants.map((participant) => participant.personId) ?? []);
  const ofLayer = <T extends { layer: string }>(participants: T[], layer: "PRIMARY" | "SECONDARY") => participants.filter((participant) => participant.layer === layer);
  const [leave, people] = await Promise.all([
    withLeave
      ? tx.onCallLeave.findMany({
          where: { personId: { in: [...personIds] }, cancelledAt: null, startsAt: { lt: to }, endsAt: { gt: from } },
          select: { id: true, personId: true, startsAt: true, endsAt: true },
        })
      : Promise.resolve([]),
    withPeople ? peopleByIds(tx, latestIds) : Promise.resolve(new Map<string, PersonRef>()),
  ]);
  return rows.map((row) => {
    const latest = row.rotations.at(-1) ?? null;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      teamId: row.teamId,
      domainId: row.domainId,
      ownerName: row.team?.name ?? row.domain?.name ?? "",
      hasSecondary: row.hasSecondary,
      engine: {
        timeZone: row.timeZone,
        hasSecondary: row.hasSecondary,
        rotations: row.rotations.map((rotation) => ({
          effectiveFrom: rotation.effectiveFrom,
          rotationDays: rotation.rotationDays,
          handoffWeekday: rotation.handoffWeekday,
          handoffMinute: rotation.handoffMinute,
          timeZone: rotation.timeZone,
          hasSecondary: rotation.hasSecondary,
          participantIds: ofLayer(rotation.participants, "PRIMARY").map((participant) => participant.personId),
          secondaryIds: ofLayer(rotation.participants, "SECONDARY").map((participant) => participant.personId),
        })),
        overrides: overrides.filter((override) => override.scheduleId === row.id),
        leave,
      },
      hours: {
        timeZone: row.timeZone,
        workdayStartMinute: row.workdayStartMinute,
        workdayEndMinute: row.workdayEndMinute,
        workingDays: row.workingDays,
        holidays: new Set((row.holidayCalendar?.holidays ?? []).map((holiday) => holiday.date.toISOString().slice(0, 10))),
      },
      participants: ofLayer(latest?.participants ?? [], "PRIMARY").map((participant) => people.get(participant.personId) ?? { id: participant.personId, name: "", email: "" }),
      secondaryParticipants: ofLayer(latest?.participants ?? [], "SECONDARY").map((participant) => people.get(participant.personId) ?? { id: participant.personId, name: "", email: "" }),
      holidayCalendarId: row.holidayCalendarId,
      workingDays: row.workingDays,
      archivedAt: row.archivedAt,
      optedOutIds: row.optOuts.map((optOut) => optOut.personId),
      firstEffectiveFrom: row.rotations[0]?.effectiveFrom ?? null,
      latestRotation: latest
        ? { effectiveFrom: latest.effectiveFrom, rotationDays: latest.rotationDays, handoffWeekday: latest.handoffWeekday, handoffMinute: latest.handoffMinute, timeZone: latest.timeZone, hasSecondary: latest.hasSecondary }
        : null,
      holidayCalendarName: row.holidayCalendar?.name ?? null,
      workdayStartMinute: row.workdayStartMinute,
      workdayEndMinute: row.workdayEndMinute,
    };
  });
}

export async function loadScheduleBySlug(tx: DbTx, slug: string, from: Date, to: Date, options: { includeArchived?: boolean } = {}): Promise<LoadedSchedule | null> {
  return (await loadSchedules(tx, { slug }, from, to, options))[0] ?? null;
}

/** Names and emails for person ids that shifts mention. */
export async function peopleByIds(tx: DbTx, ids: Iterable<string>): Promise<Map<string, PersonRef>> {
  const people = await tx.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true, email: true } });
  return new Map(people.map((person) => [person.id, person]));
}

/** Schedules a person could be on call for: on any rotation version, or covering by override. */
export async function scheduleIdsForPerson(tx: DbTx, personId: string): Promise<string[]> {
  const [rotations, overrides] = await Promise.all([
    tx.onCallParticipant.findMany({ where: { personId }, select: { rotation: { select: { scheduleId: true } } } }),
    tx.onCallOverride.findMany({ where: { personId, cancelledAt: null }, select: { scheduleId: true }, distinct: ["scheduleId"] }),
  ]);
  return [...new Set([...rotations.map((row) => row.rotation.scheduleId), ...overrides.map((row) => row.scheduleId)])];
}

export type ScheduleOwnerFacts = { teamIds: string[]; leadPersonIds: string[] };

/** The teams a schedule belongs to (one, or every team of the domain) and their leads. */
export async function scheduleOwnerFacts(tx: DbTx, schedule: { teamId: string | null; domainId: string | null }): Promise<ScheduleOwnerFacts> {
  const teams = await tx.team.findMany({
    where: schedule.teamId ? { id: schedule.teamId } : { domainId: schedule.domainId ?? "-" },
    select: { id: true, members: { where: { isLead: true }, select: { personId: true } } },
  });
  return { teamIds: teams.map((team) => team.id), leadPersonIds: teams.flatMap((team) => team.members.map((member) => member.personId)) };
}

export type RequestRow = {
  id: string; kind: "COVER" | "SWAP"; status: string; message: string; createdAt: Date;
  startsAt: Date; endsAt: Date; swapStartsAt: Date | null; swapEndsAt: Date | null;
  schedule: { slug: string; name: string; timeZone: string };
  requester: PersonRef; responder: PersonRef;
};

/** Requests a person sent or was sent, newest first; pending ones are what "my shifts" asks about. */
export async function listRequestsFor(tx: DbTx, personId: string, take = 30): Promise<RequestRow[]> {
  return tx.onCallRequest.findMany({
    where: { OR: [{ requesterId: personId }, { responderId: personId }] },
    select: {
      id: true, kind: true, status: true, message: true, createdAt: true, startsAt: true, endsAt: true, swapStartsAt: true, swapEndsAt: true,
      schedule: { select: { slug: true, name: true, timeZone: true } },
      requester: { select: { id: true, name: true, email: true } },
      responder: { select: { id: true, name: true, email: true } },
    },
    orderBy: { createdAt: "desc" },
    take,
  });
}

export async function listLeaveFor(tx: DbTx, personIds: string[], from: Date, to: Date) {
  return tx.onCallLeave.findMany({
    where: { personId: { in: personIds }, cancelledAt: null, startsAt: { lt: to }, endsAt: { gt: from } },
    select: { id: true, personId: true, startsAt: true, endsAt: true, note: true, person: { select: { name: true } } },
    orderBy: { startsAt: "asc" },
  });
}

/** The live feed token of a person or a schedule, if one was issued. */
export async function activeFeedToken(tx: DbTx, target: { personId: string } | { scheduleId: string }): Promise<string | null> {
  const feed = await tx.onCallFeed.findFirst({ where: { ...target, revokedAt: null }, select: { token: true }, orderBy: { createdAt: "desc" } });
  return feed?.token ?? null;
}

/** What a feed URL's token opens: a person's shifts or a schedule's, or nothing if revoked or unknown. */
export async function feedByToken(tx: DbTx, token: string) {
  return tx.onCallFeed.findFirst({ where: { token, revokedAt: null }, select: { id: true, personId: true, scheduleId: true } });
}

export async function listScheduleOwners(tx: DbTx) {
  const [teams, domains, people, calendars] = await Promise.all([
    tx.team.findMany({ select: { id: true, name: true, onCallSchedules: { where: { archivedAt: null }, select: { id: true } } }, orderBy: { name: "asc" } }),
    tx.domain.findMany({ select: { id: true, name: true, onCallSchedules: { where: { archivedAt: null }, select: { id: true } } }, orderBy: { name: "asc" } }),
    tx.person.findMany({ where: { deactivatedAt: null }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }),
    tx.holidayCalendar.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    teams: teams.map(({ onCallSchedules, ...team }) => ({ ...team, onCallSchedule: onCallSchedules[0] ?? null })),
    domains: domains.map(({ onCallSchedules, ...domain }) => ({ ...domain, onCallSchedule: onCallSchedules[0] ?? null })),
    people,
    calendars,
  };
}

export async function listPayPolicies(tx: DbTx) {
  return tx.onCallPayPolicy.findMany({
    select: { teamId: true, model: true, currency: true, standbyRate: true, weekendHolidayRate: true, calloutRate: true, team: { select: { name: true, slug: true } } },
  });
}

/** Whether the person leads any team: leads may read the on-call load and pay report. */
export async function leadsAnyTeam(tx: DbTx, personId: string): Promise<boolean> {
  return (await tx.teamMembership.count({ where: { personId, isLead: true } })) > 0;
}

/** Services that each team's schedules cover, for charging per service. */
export async function servicesByTeam(tx: DbTx) {
  return tx.service.findMany({ where: { archivedAt: null }, select: { slug: true, teamId: true, availabilityTarget: true, team: { select: { domainId: true, name: true } } } });
}

/** Holiday calendars with their size and the live schedules that use them. */
export async function listHolidayCalendars(tx: DbTx) {
  const rows = await tx.holidayCalendar.findMany({
    select: { id: true, slug: true, name: true, _count: { select: { holidays: true } }, schedules: { where: { archivedAt: null }, select: { slug: true, name: true }, orderBy: { name: "asc" } } },
    orderBy: { name: "asc" },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, holidayCount: _count.holidays }));
}

export async function holidayCalendarBySlug(tx: DbTx, slug: string) {
  return tx.holidayCalendar.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true,
      holidays: { select: { id: true, date: true, name: true }, orderBy: { date: "asc" } },
      schedules: { where: { archivedAt: null }, select: { slug: true, name: true }, orderBy: { name: "asc" } },
    },
  });
}
