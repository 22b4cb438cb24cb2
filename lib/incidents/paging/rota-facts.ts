// What the paging rules need about a service at an instant: its target's cover level, the owning
// team's and its domain's live schedules with their final shifts (overrides included, as
// who-is-on-call computes them) and the team's active leads. The only place paging reads the rota.
import { onCallLevel } from "../../catalog/availability";
import type { DbTx } from "../../db";
import { loadSchedules } from "../../oncall/queries";
import { finalShifts } from "../../oncall/shift-engine";
import type { ScheduleShifts } from "../../oncall/who-is-on-call";
import type { EscalationDelays, RotaFacts } from "./escalation-rules";

/** Shifts a little either side of `now` are enough to say who is on now. */
const WINDOW_MS = 86_400_000;

export type ServiceRota = RotaFacts & { serviceId: string; delays: EscalationDelays };

export async function rotaFacts(tx: DbTx, serviceId: string, now: Date): Promise<ServiceRota> {
  const service = await tx.service.findUniqueOrThrow({
    where: { id: serviceId },
    select: {
      id: true, name: true, availabilityTarget: true, escalateAfterMinutes: true, escalateAgainAfterMinutes: true,
      team: { select: { id: true, name: true, domainId: true, members: { where: { isLead: true, person: { deactivatedAt: null } }, select: { personId: true }, orderBy: { createdAt: "asc" } } } },
    },
  });
  const { team } = service;
  const owners = [{ teamId: team.id }, ...(team.domainId ? [{ domainId: team.domainId }] : [])];
  const from = new Date(now.getTime() - WINDOW_MS);
  const to = new Date(now.getTime() + WINDOW_MS);
  const schedules = await loadSchedules(tx, { OR: owners }, from, to, { withLeave: false, withOptOuts: false });
  const shiftsOf = (kind: "TEAM" | "DOMAIN"): ScheduleShifts | null => {
    const schedule = schedules.find((s) => (kind === "TEAM" ? s.kind === "TEAM" && s.teamId === team.id : s.kind === "DOMAIN" && s.domainId === team.domainId));
    return schedule ? { id: schedule.id, slug: schedule.slug, name: schedule.name, hours: schedule.hours, shifts: finalShifts(schedule.engine, from, to) } : null;
  };
  return {
    serviceId: service.id,
    serviceName: service.name,
    team: { id: team.id, name: team.name },
    onCallLevel: onCallLevel(service.availabilityTarget).level,
    teamSchedule: shiftsOf("TEAM"),
    domainSchedule: shiftsOf("DOMAIN"),
    leadIds: team.members.map((member) => member.personId),
    delays: { escalateAfterMinutes: service.escalateAfterMinutes, escalateAgainAfterMinutes: service.escalateAgainAfterMinutes },
  };
}

/** Every live schedule's current primary, for a major incident: one person per on-call team. */
export async function everyOnCallPrimary(tx: DbTx, now: Date): Promise<{ personId: string; scheduleName: string }[]> {
  const schedules = await loadSchedules(tx, {}, now, new Date(now.getTime() + 60_000), { withLeave: false, withOptOuts: false });
  const result: { personId: string; scheduleName: string }[] = [];
  for (const schedule of schedules) {
    const current = finalShifts(schedule.engine, now, new Date(now.getTime() + 60_000)).find((shift) => shift.layer === "PRIMARY" && shift.start <= now && shift.end > now);
    if (current) result.push({ personId: current.personId, scheduleName: schedule.name });
  }
  return result;
}
