// Who is on call now for services: one pass over the schedules involved, whatever the service count.
import { onCallLevel } from "../catalog/availability";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import type { DbTx } from "../db";
import { loadSchedules, type PersonRef } from "./queries";
import { finalShifts } from "./shift-engine";
import { workingState, type WorkingHours } from "./working-hours";
import { coverAt, type Cover, type CoverAnswer, type ScheduleShifts } from "./who-is-on-call";

/** Far enough ahead to find "who is next" on a 28-day rotation. */
const LOOKAHEAD_MS = 60 * 86_400_000;

export type OnCallNow = {
  service: string;
  serviceName: string;
  cover: Cover;
  reason: string;
  schedule: { slug: string; name: string } | null;
  primary: PersonRef | null;
  secondary: PersonRef | null;
  until: Date | null;
  next: (PersonRef & { from: Date }) | null;
};

export async function getOnCallNow(tx: DbTx, where: { slug?: string }, now = new Date()): Promise<OnCallNow[]> {
  const to = new Date(now.getTime() + LOOKAHEAD_MS);
  // No leave, opt-outs or owner names: who is on call needs the rotations and overrides (and names).
  const lean = { withLeave: false, withOptOuts: false };
  // Services with their team in one set-based query. 2,000 rows come back as one JSON array in one
  // column: decoding one text value is far cheaper than the driver decoding 12,000 fields one by one.
  const readServices = async () => {
    const [row] = await tx.$queryRaw<{ rows: string | null }[]>`
      SELECT json_agg(json_build_array(s.slug, s.name, s."availabilityTarget", s."teamId", t.name, t."domainId") ORDER BY s.name)::text AS rows
      FROM "Service" s JOIN "Team" t ON t.id = s."teamId"
      WHERE s."archivedAt" IS NULL AND (${where.slug ?? null}::text IS NULL OR s.slug = ${where.slug ?? null}::text)`;
    const tuples = JSON.parse(row?.rows ?? "[]") as [string, string, AvailabilityTarget, string, string, string | null][];
    return tuples.map(([slug, name, availabilityTarget, teamId, teamName, domainId]) => ({ slug, name, availabilityTarget, teamId, teamName, domainId }));
  };
  // For every service, read every schedule alongside (cheaper than filtering by services); for one
  // service, read just its team's and domain's.
  const [serviceRows, allSchedules] = await Promise.all([readServices(), where.slug ? Promise.resolve(null) : loadSchedules(tx, {}, now, to, lean)]);
  if (serviceRows.length === 0) return [];
  const services = serviceRows.map((row) => ({ ...row, team: { id: row.teamId, name: row.teamName, domainId: row.domainId } }));
  const schedules =
    allSchedules ??
    (await loadSchedules(tx, { OR: [{ teamId: serviceRows[0]!.teamId }, ...(serviceRows[0]!.domainId ? [{ domainId: serviceRows[0]!.domainId }] : [])] }, now, to, lean));
  const byTeam = new Map<string, ScheduleShifts>();
  const byDomain = new Map<string, ScheduleShifts>();
  for (const schedule of schedules) {
    // Two rotations ahead (plus a day) is enough to find the current and the next person.
    const ahead = Math.min(LOOKAHEAD_MS, (2 * (schedule.latestRotation?.rotationDays ?? 7) + 1) * 86_400_000);
    const entry = { id: schedule.id, slug: schedule.slug, name: schedule.name, hours: schedule.hours, shifts: finalShifts(schedule.engine, now, new Date(now.getTime() + ahead)) };
    if (schedule.teamId) byTeam.set(schedule.teamId, entry);
    if (schedule.domainId) byDomain.set(schedule.domainId, entry);
  }
  // The answer depends only on the level and the team (its name, schedule and domain): compute it once
  // per pair, not per service, since the time-zone arithmetic dominates the cost.
  const memo = new Map<string, CoverAnswer>();
  // Working state depends only on a schedule's hours: one zone computation per schedule, not per team.
  const states = new Map<WorkingHours, ReturnType<typeof workingState>>();
  const workingStateOf = (hours: WorkingHours) => {
    let state = states.get(hours);
    if (!state) {
      state = workingState(now, hours);
      states.set(hours, state);
    }
    return state;
  };
  const answers = services.map((service) => {
    const level = onCallLevel(service.availabilityTarget).level;
    const key = `${level}|${service.team.id}`;
    let answer = memo.get(key);
    if (!answer) {
      answer = coverAt({
        level,
        teamName: service.team.name,
        team: byTeam.get(service.team.id) ?? null,
        domain: service.team.domainId ? (byDomain.get(service.team.domainId) ?? null) : null,
        now,
        workingStateOf,
      });
      memo.set(key, answer);
    }
    return { service, answer };
  });
  // Names come with the rotations and overrides: no further query.
  const people = new Map<string, PersonRef>();
  for (const schedule of schedules) for (const [id, person] of schedule.people) people.set(id, person);
  const ref = (id: string | null | undefined) => (id ? (people.get(id) ?? null) : null);
  return answers.map(({ service, answer }) => {
    const nextPerson = ref(answer.next?.personId);
    return {
      service: service.slug,
      serviceName: service.name,
      cover: answer.cover,
      reason: answer.reason,
      schedule: answer.schedule,
      primary: ref(answer.primaryId),
      secondary: ref(answer.secondaryId),
      until: answer.until,
      next: nextPerson && answer.next ? { ...nextPerson, from: answer.next.from } : null,
    };
  });
}
