// Reads for on-call: the only place this area reads through Prisma. Explicit selects, DTOs out.
import type { DbTx } from "../db";
import type { Prisma } from "../generated/prisma/client.ts";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import type { LeaveInput, OverrideInput, RotationVersion, ScheduleInput } from "./shift-engine";
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
  /** Everyone the loaded rotations and overrides mention, with names when loaded withPeople. */
  people: Map<string, PersonRef>;
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

/** A schedule row as read by loadSchedules: one JSON tuple per schedule. */
type ScheduleTuple = [
  id: string, slug: string, name: string, kind: "TEAM" | "DOMAIN", teamId: string | null, domainId: string | null, timeZone: string, hasSecondary: boolean,
  archivedAtMs: number | null, holidayCalendarId: string | null, workdayStartMinute: number, workdayEndMinute: number, workingDays: number[],
  ownerName: string, holidayCalendarName: string | null,
];

/** A rotation version joined to one of its participants (null when it has none). */
type RotationTuple = [
  rotationId: string, scheduleId: string, effectiveFromMs: number, rotationDays: number, handoffWeekday: number, handoffMinute: number, timeZone: string, hasSecondary: boolean,
  personId: string | null, layer: "PRIMARY" | "SECONDARY" | null, personName: string | null, personEmail: string | null,
];

const parseTuples = <T>(result: { rows: string | null }[]): T[] => JSON.parse(result[0]?.rows ?? "[]") as T[];

/**
 * Schedules with everything the shift engine needs for [from, to): rotation versions, live overrides in
 * the range, and the leave of everyone who could be on call in it. Set-based: one query for the
 * schedules, then one round of parallel queries (rotations with their people, overrides, opt-outs,
 * holidays, owners, leave) whatever the number of schedules; the graph is assembled in memory.
 */
export async function loadSchedules(
  tx: DbTx,
  where: Prisma.OnCallScheduleWhereInput,
  from: Date,
  to: Date,
  /** Who-is-on-call needs neither leave nor participant names: skipping them saves work. */
  options: { withLeave?: boolean; withPeople?: boolean; includeArchived?: boolean; withOptOuts?: boolean } = {},
): Promise<LoadedSchedule[]> {
  const { withLeave = true, withPeople = true, includeArchived = false, withOptOuts = true } = options;
  // Archived schedules cover nothing: only history (the pay report) and their own page read them.
  const filter: Prisma.OnCallScheduleWhereInput = includeArchived ? where : { AND: [where, { archivedAt: null }] };
  // The filter is Prisma's (callers pass any where); everything else is read by id in one parallel round.
  const idRows = await tx.onCallSchedule.findMany({ where: filter, select: { id: true } });
  if (idRows.length === 0) return [];
  const ids = idRows.map((row) => row.id);
  // Big results come back as one JSON array in one column: decoding one text value is far cheaper
  // than the driver decoding every field of every row (instants as epoch milliseconds).
  const [scheduleJson, rotationJson, overrides, optOuts, holidays, leave] = await Promise.all([
    tx.$queryRaw<{ rows: string | null }[]>`
      SELECT json_agg(json_build_array(
        s.id, s.slug, s.name, s.kind, s."teamId", s."domainId", s."timeZone", s."hasSecondary",
        (extract(epoch FROM s."archivedAt") * 1000)::float8, s."holidayCalendarId", s."workdayStartMinute", s."workdayEndMinute", s."workingDays",
        coalesce(t.name, d.name, ''), hc.name
      ) ORDER BY s.name)::text AS rows
      FROM "OnCallSchedule" s
      LEFT JOIN "Team" t ON t.id = s."teamId"
      LEFT JOIN "Domain" d ON d.id = s."domainId"
      LEFT JOIN "HolidayCalendar" hc ON hc.id = s."holidayCalendarId"
      WHERE s.id = ANY(${ids}::text[])`,
    tx.$queryRaw<{ rows: string | null }[]>`
      SELECT json_agg(json_build_array(
        r.id, r."scheduleId", (extract(epoch FROM r."effectiveFrom") * 1000)::float8, r."rotationDays", r."handoffWeekday", r."handoffMinute", r."timeZone", r."hasSecondary",
        p."personId", p.layer, pe.name, pe.email
      ) ORDER BY r."scheduleId", r."effectiveFrom", p.layer, p.position)::text AS rows
      FROM "OnCallRotation" r
      LEFT JOIN "OnCallParticipant" p ON p."rotationId" = r.id
      LEFT JOIN "Person" pe ON pe.id = p."personId"
      WHERE r."scheduleId" = ANY(${ids}::text[])`,
    // One array parameter (= ANY) instead of an IN list of one parameter per schedule: far cheaper to build and plan.
    tx.$queryRaw<(OverrideInput & { scheduleId: string; personName: string; personEmail: string })[]>`
      SELECT o.id, o."scheduleId", o.layer::text AS layer, o."personId", o."startsAt", o."endsAt", o.kind::text AS kind, o."createdAt",
             pe.name::text AS "personName", pe.email::text AS "personEmail"
      FROM "OnCallOverride" o JOIN "Person" pe ON pe.id = o."personId"
      WHERE o."scheduleId" = ANY(${ids}::text[]) AND o."cancelledAt" IS NULL AND o."startsAt" < ${to} AND o."endsAt" > ${from}`,
    withOptOuts
      ? tx.$queryRaw<{ scheduleId: string; personId: string }[]>`
          SELECT "scheduleId", "personId" FROM "OnCallOptOut" WHERE "scheduleId" = ANY(${ids}::text[])`
      : Promise.resolve([]),
    tx.$queryRaw<{ calendarId: string; date: string }[]>`
      SELECT h."calendarId", to_char(h.date, 'YYYY-MM-DD') AS date FROM "Holiday" h
      WHERE h."calendarId" IN (SELECT s."holidayCalendarId" FROM "OnCallSchedule" s WHERE s.id = ANY(${ids}::text[]))`,
    withLeave
      ? tx.$queryRaw<LeaveInput[]>`
          SELECT l.id, l."personId", l."startsAt", l."endsAt" FROM "OnCallLeave" l
          WHERE l."cancelledAt" IS NULL AND l."startsAt" < ${to} AND l."endsAt" > ${from}
            AND l."personId" IN (
              SELECT p."personId" FROM "OnCallParticipant" p JOIN "OnCallRotation" r ON r.id = p."rotationId" WHERE r."scheduleId" = ANY(${ids}::text[])
              UNION
              SELECT o."personId" FROM "OnCallOverride" o
              WHERE o."scheduleId" = ANY(${ids}::text[]) AND o."cancelledAt" IS NULL AND o."startsAt" < ${to} AND o."endsAt" > ${from})`
      : Promise.resolve([] as LeaveInput[]),
  ]);

  // Group the flat rows by schedule, then by rotation version (rows come ordered by version, layer, position).
  type Version = RotationVersion & { primary: PersonRef[]; secondary: PersonRef[] };
  const versionsBySchedule = new Map<string, Version[]>();
  const peopleBySchedule = new Map<string, Map<string, PersonRef>>();
  const mention = (scheduleId: string, person: PersonRef) => {
    let people = peopleBySchedule.get(scheduleId);
    if (!people) peopleBySchedule.set(scheduleId, (people = new Map()));
    people.set(person.id, person);
  };
  let lastRotationId = "";
  let current: Version | null = null;
  for (const [rotationId, scheduleId, effectiveFromMs, rotationDays, handoffWeekday, handoffMinute, timeZone, hasSecondary, personId, layer, personName, personEmail] of parseTuples<RotationTuple>(rotationJson)) {
    const row = { scheduleId, personId, layer, personName, personEmail };
    if (rotationId !== lastRotationId) {
      lastRotationId = rotationId;
      current = {
        effectiveFrom: new Date(effectiveFromMs), rotationDays, handoffWeekday, handoffMinute,
        timeZone, hasSecondary, participantIds: [], secondaryIds: [], primary: [], secondary: [],
      };
      let list = versionsBySchedule.get(scheduleId);
      if (!list) versionsBySchedule.set(scheduleId, (list = []));
      list.push(current);
    }
    if (!current || !row.personId) continue;
    const person = { id: row.personId, name: withPeople ? (row.personName ?? "") : "", email: withPeople ? (row.personEmail ?? "") : "" };
    mention(row.scheduleId, person);
    if (row.layer === "SECONDARY") {
      current.secondaryIds!.push(row.personId);
      current.secondary.push(person);
    } else {
      current.participantIds.push(row.personId);
      current.primary.push(person);
    }
  }
  for (const override of overrides) mention(override.scheduleId, { id: override.personId, name: override.personName, email: override.personEmail });
  const overridesBySchedule = groupBy(
    overrides.map(({ personName: _name, personEmail: _email, ...override }) => override),
    (override) => override.scheduleId,
  );
  const optOutsBySchedule = groupBy(optOuts, (optOut) => optOut.scheduleId);
  // Schedules sharing a calendar share its set of dates.
  const holidaysByCalendar = new Map<string, Set<string>>();
  for (const row of holidays) {
    let dates = holidaysByCalendar.get(row.calendarId);
    if (!dates) holidaysByCalendar.set(row.calendarId, (dates = new Set()));
    dates.add(row.date);
  }
  const noHolidays: ReadonlySet<string> = new Set();

  return parseTuples<ScheduleTuple>(scheduleJson).map((tuple) => {
    const [id, slug, name, kind, teamId, domainId, timeZone, hasSecondary, archivedAtMs, holidayCalendarId, workdayStartMinute, workdayEndMinute, workingDays, ownerName, holidayCalendarName] = tuple;
    const row = { id, slug, name, kind, teamId, domainId, timeZone, hasSecondary, holidayCalendarId, workdayStartMinute, workdayEndMinute, workingDays };
    const versions = versionsBySchedule.get(row.id) ?? [];
    const latest = versions.at(-1) ?? null;
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      kind: row.kind,
      teamId: row.teamId,
      domainId: row.domainId,
      ownerName,
      hasSecondary: row.hasSecondary,
      engine: {
        timeZone: row.timeZone,
        hasSecondary: row.hasSecondary,
        rotations: versions.map(({ primary: _primary, secondary: _secondary, ...version }) => version),
        overrides: overridesBySchedule.get(row.id) ?? [],
        leave,
      },
      hours: {
        timeZone: row.timeZone,
        workdayStartMinute: row.workdayStartMinute,
        workdayEndMinute: row.workdayEndMinute,
        workingDays: row.workingDays,
        holidays: (row.holidayCalendarId ? holidaysByCalendar.get(row.holidayCalendarId) : undefined) ?? noHolidays,
      },
      participants: latest?.primary ?? [],
      people: peopleBySchedule.get(row.id) ?? new Map(),
      secondaryParticipants: latest?.secondary ?? [],
      holidayCalendarId: row.holidayCalendarId,
      workingDays: row.workingDays,
      archivedAt: archivedAtMs === null ? null : new Date(archivedAtMs),
      optedOutIds: (optOutsBySchedule.get(row.id) ?? []).map((optOut) => optOut.personId),
      firstEffectiveFrom: versions[0]?.effectiveFrom ?? null,
      latestRotation: latest
        ? { effectiveFrom: latest.effectiveFrom, rotationDays: latest.rotationDays, handoffWeekday: latest.handoffWeekday, handoffMinute: latest.handoffMinute, timeZone: latest.timeZone!, hasSecondary: latest.hasSecondary! }
        : null,
      holidayCalendarName: row.holidayCalendarId ? holidayCalendarName : null,
      workdayStartMinute: row.workdayStartMinute,
      workdayEndMinute: row.workdayEndMinute,
    };
  });
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = groups.get(k);
    if (!list) groups.set(k, (list = []));
    list.push(item);
  }
  return groups;
}

export type ScheduleVersion = { id: string; version: string };

/**
 * The stamps who-is-on-call keys its caches on, in one round trip: the list of services' (null if its
 * stamp row is missing: then nothing may be cached) and every live schedule's, or only those covering
 * one service (its team's and its domain's). Read them before the data a cached entry is built from
 * (see schedule-cache.ts).
 */
export async function onCallStamps(tx: DbTx, where: { serviceSlug?: string } = {}): Promise<{ services: string | null; schedules: ScheduleVersion[] }> {
  const slug = where.serviceSlug ?? null;
  const [row] = await tx.$queryRaw<{ services: string | null; schedules: string | null }[]>`
    SELECT (SELECT c.version::text FROM "CacheStamp" c WHERE c.key = 'services') AS services,
      (SELECT json_agg(json_build_array(s.id, s.version::text))::text FROM "OnCallSchedule" s
        WHERE s."archivedAt" IS NULL AND (${slug}::text IS NULL OR EXISTS (
          SELECT 1 FROM "Service" sv JOIN "Team" t ON t.id = sv."teamId"
          WHERE sv.slug = ${slug}::text AND (s."teamId" = t.id OR s."domainId" = t."domainId")))) AS schedules`;
  const schedules = (JSON.parse(row?.schedules ?? "[]") as [string, string][]).map(([id, version]) => ({ id, version }));
  return { services: row?.services ?? null, schedules };
}

export type ServiceToCover = { slug: string; name: string; availabilityTarget: AvailabilityTarget; team: { id: string; name: string; domainId: string | null } };

/**
 * Live services (all, or one by slug) with their team, by name. 2,000 rows come back as one JSON value:
 * decoding one text value is far cheaper than the driver decoding 12,000 fields one by one.
 */
export async function servicesToCover(tx: DbTx, slug: string | null): Promise<ServiceToCover[]> {
  const [row] = await tx.$queryRaw<{ rows: string | null }[]>`
    SELECT json_agg(json_build_array(s.slug, s.name, s."availabilityTarget", s."teamId", t.name, t."domainId") ORDER BY s.name)::text AS rows
    FROM "Service" s JOIN "Team" t ON t.id = s."teamId"
    WHERE s."archivedAt" IS NULL AND (${slug}::text IS NULL OR s.slug = ${slug}::text)`;
  const tuples = JSON.parse(row?.rows ?? "[]") as [string, string, AvailabilityTarget, string, string, string | null][];
  return tuples.map(([slug, name, availabilityTarget, teamId, teamName, domainId]) => ({ slug, name, availabilityTarget, team: { id: teamId, name: teamName, domainId } }));
}

export type UpcomingOverride = {
  id: string; kind: "COVER" | "SWAP" | "TAKE_NOW" | "ASSIGNED"; layer: "PRIMARY" | "SECONDARY"; startsAt: Date; endsAt: Date;
  personId: string; replacesPersonId: string | null; person: { name: string }; replacesPerson: { name: string } | null;
};

type UpcomingOverrideTuple = [id: string, kind: UpcomingOverride["kind"], layer: UpcomingOverride["layer"], startsAtMs: number, endsAtMs: number, personId: string, replacesPersonId: string | null, personName: string, replacesPersonName: string | null];

/**
 * A live schedule page's own rows in one round trip: its version stamp, the next 50 live overrides
 * (with names) and its feed token. Null when no live schedule has the slug.
 */
export async function schedulePageHead(tx: DbTx, slug: string, now: Date): Promise<{ id: string; version: string; feedToken: string | null; overrides: UpcomingOverride[] } | null> {
  const [row] = await tx.$queryRaw<{ id: string; version: string; feedToken: string | null; overrides: string | null }[]>`
    SELECT s.id, s.version::text AS version,
      (SELECT f.token FROM "OnCallFeed" f WHERE f."scheduleId" = s.id AND f."revokedAt" IS NULL ORDER BY f."createdAt" DESC LIMIT 1) AS "feedToken",
      (SELECT json_agg(json_build_array(o.id, o.kind, o.layer, (extract(epoch FROM o."startsAt") * 1000)::float8, (extract(epoch FROM o."endsAt") * 1000)::float8,
                                        o."personId", o."replacesPersonId", pe.name, rp.name) ORDER BY o."startsAt", o.id)::text
         FROM (SELECT * FROM "OnCallOverride" WHERE "scheduleId" = s.id AND "cancelledAt" IS NULL AND "endsAt" > ${now} ORDER BY "startsAt", id LIMIT 50) o
         JOIN "Person" pe ON pe.id = o."personId"
         LEFT JOIN "Person" rp ON rp.id = o."replacesPersonId") AS overrides
    FROM "OnCallSchedule" s WHERE s.slug = ${slug} AND s."archivedAt" IS NULL`;
  if (!row) return null;
  const overrides = (JSON.parse(row.overrides ?? "[]") as UpcomingOverrideTuple[]).map(
    ([id, kind, layer, startsAtMs, endsAtMs, personId, replacesPersonId, personName, replacesPersonName]): UpcomingOverride => ({
      id, kind, layer, startsAt: new Date(startsAtMs), endsAt: new Date(endsAtMs), personId, replacesPersonId,
      person: { name: personName }, replacesPerson: replacesPersonId === null ? null : { name: replacesPersonName ?? "" },
    }),
  );
  return { id: row.id, version: row.version, feedToken: row.feedToken, overrides };
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

const REQUEST_ROW_SELECT = {
  id: true, kind: true, status: true, message: true, createdAt: true, startsAt: true, endsAt: true, swapStartsAt: true, swapEndsAt: true,
  schedule: { select: { slug: true, name: true, timeZone: true } },
  requester: { select: { id: true, name: true, email: true } },
  responder: { select: { id: true, name: true, email: true } },
} as const;

/** Swap and cover requests still waiting for this person's answer, for shifts not over yet; oldest first. */
export async function requestsWaitingFor(tx: DbTx, personId: string, now: Date, take = 10): Promise<RequestRow[]> {
  return tx.onCallRequest.findMany({
    where: { responderId: personId, status: "PENDING", endsAt: { gt: now } },
    select: REQUEST_ROW_SELECT,
    orderBy: { createdAt: "asc" },
    take,
  });
}

/** Requests a person sent or was sent, newest first; pending ones are what "my shifts" asks about. */
export async function listRequestsFor(tx: DbTx, personId: string, take = 30): Promise<RequestRow[]> {
  return tx.onCallRequest.findMany({
    where: { OR: [{ requesterId: personId }, { responderId: personId }] },
    select: REQUEST_ROW_SELECT,
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

/** A person's own leave that is not cancelled, past and future alike (newest first, bounded), for "My shifts". */
export async function listLeaveOf(tx: DbTx, personId: string, take = 200) {
  return tx.onCallLeave.findMany({
    where: { personId, cancelledAt: null },
    select: { id: true, personId: true, startsAt: true, endsAt: true, note: true, person: { select: { name: true } } },
    orderBy: { startsAt: "desc" },
    take,
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

/** Every team's rates, in the organisation's currency (one currency for all pay, lib/settings/). */
export async function listPayPolicies(tx: DbTx, currency: string) {
  const policies = await tx.onCallPayPolicy.findMany({
    select: { teamId: true, model: true, standbyRate: true, weekendHolidayRate: true, calloutRate: true, team: { select: { name: true, slug: true } } },
  });
  return policies.map((policy) => ({ ...policy, currency }));
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
