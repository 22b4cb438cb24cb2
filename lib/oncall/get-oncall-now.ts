// Who is on call now for services: one pass over the schedules involved, whatever the service count.
import { onCallLevel } from "../catalog/availability";
import type { DbTx } from "../db";
import { loadSchedules, peopleByIds, type PersonRef } from "./queries";
import { finalShifts } from "./shift-engine";
import { coverAt, type Cover, type ScheduleShifts } from "./who-is-on-call";

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
  const services = await tx.service.findMany({
    where: { archivedAt: null, ...(where.slug ? { slug: where.slug } : {}) },
    select: { slug: true, name: true, availabilityTarget: true, team: { select: { id: true, name: true, domainId: true } } },
    orderBy: { name: "asc" },
  });
  if (services.length === 0) return [];
  const teamIds = [...new Set(services.map((service) => service.team.id))];
  const domainIds = [...new Set(services.flatMap((service) => (service.team.domainId ? [service.team.domainId] : [])))];
  const to = new Date(now.getTime() + LOOKAHEAD_MS);
  const schedules = await loadSchedules(tx, { OR: [{ teamId: { in: teamIds } }, { domainId: { in: domainIds } }] }, now, to);
  const byTeam = new Map<string, ScheduleShifts>();
  const byDomain = new Map<string, ScheduleShifts>();
  for (const schedule of schedules) {
    const entry = { id: schedule.id, slug: schedule.slug, name: schedule.name, hours: schedule.hours, shifts: finalShifts(schedule.engine, now, to) };
    if (schedule.teamId) byTeam.set(schedule.teamId, entry);
    if (schedule.domainId) byDomain.set(schedule.domainId, entry);
  }
  const answers = services.map((service) => ({
    service,
    answer: coverAt({
      level: onCallLevel(service.availabilityTarget).level,
      teamName: service.team.name,
      team: byTeam.get(service.team.id) ?? null,
      domain: service.team.domainId ? (byDomain.get(service.team.domainId) ?? null) : null,
      now,
    }),
  }));
  const people = await peopleByIds(tx, answers.flatMap(({ answer }) => [answer.primaryId, answer.secondaryId, answer.next?.personId].filter((id): id is string => !!id)));
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
