// Loading a schedule for a use case and deciding what the actor may do with it.
import type { Actor, PersonActor } from "../auth/actor";
import { authorize, can } from "../authz/can";
import type { DbTx } from "../db";
import { AppError, notFound } from "../errors";
import { loadSchedules, scheduleOwnerFacts, type LoadedSchedule, type ScheduleOwnerFacts } from "./queries";

export async function loadScheduleForUseCase(tx: DbTx, scheduleId: string, from: Date, to: Date): Promise<{ schedule: LoadedSchedule; facts: ScheduleOwnerFacts }> {
  const schedule = (await loadSchedules(tx, { id: scheduleId }, from, to))[0];
  if (!schedule) throw notFound("The schedule");
  return { schedule, facts: await scheduleOwnerFacts(tx, schedule) };
}

/** The owning team the actor belongs to, if any: a domain schedule belongs to every team of the domain. */
function contextTeam(actor: Actor, facts: ScheduleOwnerFacts): string | undefined {
  if (actor.kind !== "PERSON") return facts.teamIds[0];
  return facts.teamIds.find((teamId) => actor.teamIds.includes(teamId)) ?? facts.teamIds[0];
}

export function scheduleContext(actor: Actor, facts: ScheduleOwnerFacts) {
  return { teamId: contextTeam(actor, facts), isTeamLead: actor.kind === "PERSON" && facts.leadPersonIds.includes(actor.id) };
}

export function authorizeSchedule(actor: Actor, permission: "oncall.schedules.manage" | "oncall.overrides.assign" | "oncall.leave.manage-others" | "oncall.report.read", facts: ScheduleOwnerFacts): void {
  authorize(actor, permission, scheduleContext(actor, facts));
}

export function canOnSchedule(actor: Actor, permission: "oncall.schedules.manage" | "oncall.overrides.assign", facts: ScheduleOwnerFacts): boolean {
  return can(actor, permission, scheduleContext(actor, facts));
}

/** Swaps and requests are between people; tokens and the CLI do not take shifts. */
export function requirePersonActor(actor: Actor): PersonActor {
  authorize(actor, "oncall.requests.create");
  if (actor.kind !== "PERSON") throw new AppError("FORBIDDEN", "Only people can arrange on-call cover.");
  return actor;
}

export async function personName(tx: DbTx, personId: string): Promise<string> {
  const person = await tx.person.findUnique({ where: { id: personId }, select: { name: true, deactivatedAt: true } });
  if (!person || person.deactivatedAt) throw AppError.validation({ personId: ["Choose an active person."] }, "That person is not active in Runwell.");
  return person.name;
}
