// Who is on call now for services: one pass over the schedules involved, whatever the service count.
import { onCallLevel } from "../catalog/availability";
import type { DbTx } from "../db";
import { loadSchedules, onCallStamps, servicesToCover, type LoadedSchedule, type PersonRef, type ScheduleVersion, type ServiceToCover } from "./queries";
import { ScheduleCache } from "./schedule-cache";
import { finalShifts, type FinalShift } from "./shift-engine";
import { workingState, type WorkingHours } from "./working-hours";
import { coverAt, type Cover, type ScheduleShifts } from "./who-is-on-call";

/** Far enough ahead to find "who is next" on a 28-day rotation. */
const LOOKAHEAD_MS = 60 * 86_400_000;
/** How long after computing a schedule's shifts they may serve later instants (then they are computed again). */
const REUSE_MS = 86_400_000;

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
  // Stamps first, in one round trip; then only what changed since this process last read it: the list
  // of services and the schedules whose stamp moved (in parallel). One service's row is cheap: always read.
  const slug = where.slug ?? null;
  const [stamps, oneService] = await Promise.all([onCallStamps(tx, slug ? { serviceSlug: slug } : {}), slug ? servicesToCover(tx, slug) : null]);
  const [services, computed] = await Promise.all([oneService ?? allServices(tx, stamps.services), computedSchedules(tx, stamps.schedules, now, { complete: !slug })]);
  if (services.length === 0) return [];
  const byTeam = new Map<string, ScheduleShifts & { people: Map<string, PersonRef> }>();
  const byDomain = new Map<string, ScheduleShifts & { people: Map<string, PersonRef> }>();
  for (const { schedule, aheadMs, shifts } of computed) {
    const entry = { id: schedule.id, slug: schedule.slug, name: schedule.name, hours: schedule.hours, people: schedule.people, shifts: within(shifts, now.getTime(), now.getTime() + aheadMs) };
    if (schedule.teamId) byTeam.set(schedule.teamId, entry);
    if (schedule.domainId) byDomain.set(schedule.domainId, entry);
  }
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
  // The answer depends only on the level and the team (its name, schedule and domain): compute and
  // resolve it once per pair, not per service.
  const memo = new Map<string, Omit<OnCallNow, "service" | "serviceName">>();
  return services.map((service) => {
    const level = onCallLevel(service.availabilityTarget).level;
    const key = `${level}|${service.team.id}`;
    let answer = memo.get(key);
    if (!answer) {
      const team = byTeam.get(service.team.id) ?? null;
      const domain = service.team.domainId ? (byDomain.get(service.team.domainId) ?? null) : null;
      const cover = coverAt({ level, teamName: service.team.name, team, domain, now, workingStateOf });
      // Everyone an answer names is on the team's or the domain's schedule, whose rows carry their names.
      const ref = (id: string | null | undefined) => (id ? (team?.people.get(id) ?? domain?.people.get(id) ?? null) : null);
      const nextPerson = ref(cover.next?.personId);
      answer = {
        cover: cover.cover,
        reason: cover.reason,
        schedule: cover.schedule,
        primary: ref(cover.primaryId),
        secondary: ref(cover.secondaryId),
        until: cover.until,
        next: nextPerson && cover.next ? { ...nextPerson, from: cover.next.from } : null,
      };
      memo.set(key, answer);
    }
    return { service: service.slug, serviceName: service.name, ...answer };
  });
}

let servicesCache: { stamp: string; services: ServiceToCover[] } | null = null;

/** Every live service, reused while the list's stamp is unchanged (a missing stamp row: always read). */
async function allServices(tx: DbTx, stamp: string | null): Promise<ServiceToCover[]> {
  if (stamp !== null && servicesCache?.stamp === stamp) return servicesCache.services;
  const services = await servicesToCover(tx, null);
  servicesCache = stamp === null ? null : { stamp, services };
  return services;
}

/** A schedule as who-is-on-call uses it: its rows and its shifts from `from` to `until` plus its lookahead. */
type Computed = { schedule: LoadedSchedule; aheadMs: number; from: number; until: number; shifts: FinalShift[] };

const computedCache = new ScheduleCache<Computed>();

/** Forgets every computed schedule (tests compare warm answers with cold ones). */
export function clearOnCallNowCache(): void {
  computedCache.clear();
  servicesCache = null;
}

/**
 * Each schedule's rows and shifts, reused while its stamp is unchanged and `now` is within a day of when
 * they were computed; the rest are read and computed again (one round of reads for all of them).
 */
async function computedSchedules(tx: DbTx, versions: ScheduleVersion[], now: Date, options: { complete: boolean }): Promise<Computed[]> {
  const t = now.getTime();
  const fits = (entry: Computed) => entry.from <= t && t <= entry.until;
  const result: Computed[] = [];
  const stale: ScheduleVersion[] = [];
  for (const version of versions) {
    const hit = computedCache.get(version.id, version.version, fits);
    if (hit) result.push(hit);
    else stale.push(version);
  }
  if (options.complete) computedCache.keepOnly(new Set(versions.map((version) => version.id)));
  if (stale.length === 0) return result;
  // No leave, opt-outs or owner names: who is on call needs the rotations and overrides (and names).
  const loaded = await loadSchedules(tx, { id: { in: stale.map((version) => version.id) } }, now, new Date(t + LOOKAHEAD_MS + REUSE_MS), { withLeave: false, withOptOuts: false });
  const versionOf = new Map(stale.map((version) => [version.id, version.version]));
  for (const schedule of loaded) {
    // Two rotations ahead (plus a day) is enough to find the current and the next person.
    const aheadMs = Math.min(LOOKAHEAD_MS, (2 * (schedule.latestRotation?.rotationDays ?? 7) + 1) * 86_400_000);
    const entry = { schedule, aheadMs, from: t, until: t + REUSE_MS, shifts: finalShifts(schedule.engine, now, new Date(t + aheadMs + REUSE_MS)) };
    computedCache.set(schedule.id, versionOf.get(schedule.id)!, entry);
    result.push(entry);
  }
  return result;
}

/**
 * The shifts of [from, to) cut from shifts computed for a wider window: the same pieces that computing
 * for [from, to) gives (the engine clips every piece to its window), without the zone arithmetic.
 */
export function within(shifts: readonly FinalShift[], from: number, to: number): FinalShift[] {
  const result: FinalShift[] = [];
  for (const shift of shifts) {
    const start = shift.start.getTime();
    const end = shift.end.getTime();
    if (end <= from || start >= to) continue;
    result.push(start >= from && end <= to ? shift : { ...shift, start: new Date(Math.max(start, from)), end: new Date(Math.min(end, to)) });
  }
  return result;
}
