// Who covers a service at an instant, from its availability target and the schedules that apply.
// Pure: shifts and hours in, an answer out. The operating model: in working hours the owning team
// supports its services; out of hours, 95.0% waits for the next working day, 99.0% is covered by the
// domain schedule and 99.9%+ by the team's own.
import type { OnCallLevel } from "../catalog/availability";
import { shiftAt, stretchEnd, type FinalShift } from "./shift-engine";
import { workingState, type WorkingHours } from "./working-hours";

export type Cover = "in_hours_team" | "out_of_hours_team" | "out_of_hours_domain" | "none";

export type ScheduleShifts = { id: string; slug: string; name: string; hours: WorkingHours; shifts: readonly FinalShift[] };

export type CoverAnswer = {
  cover: Cover;
  /** The schedule whose people answer now, if any. */
  schedule: { slug: string; name: string } | null;
  primaryId: string | null;
  secondaryId: string | null;
  until: Date | null;
  next: { personId: string; from: Date } | null;
  reason: string;
};

/** Used when a service has no schedule to take working hours from. */
export const DEFAULT_HOURS: WorkingHours = { timeZone: "Europe/London", workdayStartMinute: 540, workdayEndMinute: 1020, workingDays: [1, 2, 3, 4, 5], holidays: new Set() };

type WorkingStateOf = (hours: WorkingHours) => ReturnType<typeof workingState>;

export function coverAt(input: { level: OnCallLevel; teamName: string; team: ScheduleShifts | null; domain: ScheduleShifts | null; now: Date; workingStateOf?: WorkingStateOf }): CoverAnswer {
  const { level, teamName, team, domain, now } = input;
  const outOfHours = level === "TEAM" ? team : level === "DOMAIN" ? domain : null;
  const hours = (outOfHours ?? team ?? domain)?.hours ?? DEFAULT_HOURS;
  const state = input.workingStateOf ? input.workingStateOf(hours) : workingState(now, hours);
  if (state.inHours) {
    const teamNow = team ? shiftAt(team.shifts, "PRIMARY", now).current : null;
    const teamSecondary = team ? shiftAt(team.shifts, "SECONDARY", now).current : null;
    const nextOut = outOfHours ? shiftAt(outOfHours.shifts, "PRIMARY", state.changesAt).current : null;
    return {
      cover: "in_hours_team",
      schedule: team && teamNow ? { slug: team.slug, name: team.name } : null,
      primaryId: teamNow?.personId ?? null,
      secondaryId: teamSecondary?.personId ?? null,
      until: state.changesAt,
      next: nextOut ? { personId: nextOut.personId, from: state.changesAt } : null,
      reason: `In working hours ${teamName} supports its services${teamNow ? "; the person on the team's rota answers first" : ""}.`,
    };
  }
  if (!outOfHours) {
    const why =
      level === "NONE"
        ? "A 95.0% target has no out-of-hours cover: callouts wait for the next working day."
        : level === "DOMAIN"
          ? "A 99.0% target is covered by the domain schedule, but the domain has none yet."
          : "This target needs the team's own schedule, but the team has none yet.";
    return { cover: "none", schedule: null, primaryId: null, secondaryId: null, until: state.changesAt, next: null, reason: why };
  }
  const { current, next } = shiftAt(outOfHours.shifts, "PRIMARY", now);
  const secondary = shiftAt(outOfHours.shifts, "SECONDARY", now).current;
  const stretch = current ? stretchEnd(outOfHours.shifts, current) : null;
  const until = stretch && stretch < state.changesAt ? stretch : state.changesAt;
  return {
    cover: level === "TEAM" ? "out_of_hours_team" : "out_of_hours_domain",
    schedule: { slug: outOfHours.slug, name: outOfHours.name },
    primaryId: current?.personId ?? null,
    secondaryId: secondary?.personId ?? null,
    until,
    next: next ? { personId: next.personId, from: next.start } : null,
    reason:
      level === "TEAM"
        ? "Out of hours, this service's target needs the team's own schedule."
        : "Out of hours, a 99.0% target is covered by the domain schedule shared by the domain's teams.",
  };
}
