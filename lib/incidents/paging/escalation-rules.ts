// Who an incident pages, and when it escalates. Pure: the rota's shifts, the team's leads and a clock
// in; pages out. The rules (docs/INCIDENTS.md, "Paging and escalation"):
//   level 0  whoever covers the service now (lib/oncall/who-is-on-call.ts): in working hours the
//            owning team's on-call person or, without one, the team; out of hours the schedule its
//            target calls for (team or domain). No cover out of hours: held until the next working day.
//   level 1  the secondary of that schedule
//   level 2  the owning team's lead(s)
//   level 3  the domain's schedule (its primary; its secondary when the primary was paged already)
// A level with nobody new to page is skipped. The first page goes to the lowest level that has someone;
// escalation k (1, 2, 3) is due escalateAfter + (k - 1) × escalateAgainAfter minutes after the first
// page (by default 5, 20 and 35 minutes), and goes to the next level up that has someone new.
import type { OnCallLevel } from "../../catalog/availability";
import { shiftAt } from "../../oncall/shift-engine";
import { coverAt, type ScheduleShifts } from "../../oncall/who-is-on-call";

export type PageLevel = 0 | 1 | 2 | 3;
export const LEVELS: readonly PageLevel[] = [0, 1, 2, 3];

export const LEVEL_WORDS: Record<PageLevel, string> = { 0: "first page", 1: "the secondary", 2: "the team lead", 3: "the domain's schedule" };

export type RotaFacts = {
  serviceName: string;
  team: { id: string; name: string };
  /** The out-of-hours cover the service's target calls for. */
  onCallLevel: OnCallLevel;
  /** The owning team's live schedule and its domain's, with shifts around `now`. */
  teamSchedule: ScheduleShifts | null;
  domainSchedule: ScheduleShifts | null;
  /** Active team leads of the owning team, in a stable order. */
  leadIds: readonly string[];
};

export type PageTarget = {
  level: PageLevel;
  /** A person page; null with teamId for a working-hours team page. */
  personId: string | null;
  teamId: string | null;
  scheduleId: string | null;
  /** Outside the working hours that decide the service's cover: a callout. */
  outOfHours: boolean;
  reason: string;
};

export type FirstPagePlan = { kind: "page"; pages: PageTarget[] } | { kind: "hold"; until: Date; reason: string };

/** Everyone each level would page at `now`, before leaving out who was paged already. */
export function levelCandidates(facts: RotaFacts, now: Date): { candidates: Record<PageLevel, PageTarget[]>; inHours: boolean; cover: ReturnType<typeof coverAt> } {
  const cover = coverAt({ level: facts.onCallLevel, teamName: facts.team.name, team: facts.teamSchedule, domain: facts.domainSchedule, now });
  const inHours = cover.cover === "in_hours_team";
  const outOfHours = !inHours;
  const coverSchedule = inHours ? facts.teamSchedule : cover.cover === "out_of_hours_team" ? facts.teamSchedule : cover.cover === "out_of_hours_domain" ? facts.domainSchedule : null;
  const when = inHours ? "working hours" : "out of hours";
  const person = (level: PageLevel, personId: string, scheduleId: string | null, reason: string): PageTarget => ({ level, personId, teamId: null, scheduleId, outOfHours, reason });

  const level0: PageTarget[] = [];
  if (cover.primaryId && coverSchedule) level0.push(person(0, cover.primaryId, coverSchedule.id, `on call on ${coverSchedule.name} for ${facts.serviceName} (${when})`));
  else if (inHours) level0.push({ level: 0, personId: null, teamId: facts.team.id, scheduleId: null, outOfHours: false, reason: `${facts.team.name} supports ${facts.serviceName} in working hours and nobody is on its rota now` });

  const level1: PageTarget[] = [];
  if (cover.secondaryId && coverSchedule && cover.secondaryId !== cover.primaryId) level1.push(person(1, cover.secondaryId, coverSchedule.id, `secondary on ${coverSchedule.name} for ${facts.serviceName} (${when})`));

  const level2 = facts.leadIds.map((id) => person(2, id, null, `team lead of ${facts.team.name} (${when})`));

  const level3: PageTarget[] = [];
  const domain = facts.domainSchedule;
  if (domain) {
    for (const layer of ["PRIMARY", "SECONDARY"] as const) {
      const current = shiftAt(domain.shifts, layer, now).current;
      if (current && !level3.some((page) => page.personId === current.personId)) {
        level3.push(person(3, current.personId, domain.id, `${layer === "PRIMARY" ? "on call" : "secondary"} on ${domain.name}, the domain's schedule (${when})`));
      }
    }
  }
  return { candidates: { 0: level0, 1: level1, 2: level2, 3: level3 }, inHours, cover };
}

/** Levels 0, 1 and 3 page one person (the first not paged yet); level 2 pages every lead not paged yet. */
function pick(level: PageLevel, candidates: readonly PageTarget[], paged: ReadonlySet<string>): PageTarget[] {
  const fresh = candidates.filter((page) => page.personId === null || !paged.has(page.personId));
  return level === 2 ? fresh : fresh.slice(0, 1);
}

/** The first page of a round (a new, reopened or reassigned incident), or why it waits. */
export function firstPagePlan(facts: RotaFacts, now: Date): FirstPagePlan {
  const { candidates, cover } = levelCandidates(facts, now);
  if (cover.cover === "none") return { kind: "hold", until: cover.until ?? now, reason: cover.reason };
  for (const level of LEVELS) {
    const pages = pick(level, candidates[level], new Set());
    if (pages.length) return { kind: "page", pages };
  }
  // A schedule with nobody on it now, no leads and no domain schedule: the team hears in working hours.
  return { kind: "hold", until: cover.until ?? now, reason: `Nobody is on call for ${facts.serviceName} now and ${facts.team.name} has no team lead or domain schedule to page.` };
}

/** The next escalation after the levels paged so far in this round; null when nobody is left. */
export function nextEscalation(facts: RotaFacts, now: Date, round: { highestLevel: PageLevel; pagedPersonIds: ReadonlySet<string> }): PageTarget[] | null {
  const { candidates } = levelCandidates(facts, now);
  for (const level of LEVELS) {
    if (level <= round.highestLevel) continue;
    const pages = pick(level, candidates[level], round.pagedPersonIds).filter((page) => page.personId !== null);
    if (pages.length) return pages;
  }
  return null;
}

export type EscalationDelays = { escalateAfterMinutes: number; escalateAgainAfterMinutes: number };

/** When escalation `step` (1, 2, 3) of a round whose first page went out at `roundStart` is due. */
export function escalationDueAt(roundStart: Date, step: number, delays: EscalationDelays): Date {
  const minutes = delays.escalateAfterMinutes + Math.max(0, step - 1) * delays.escalateAgainAfterMinutes;
  return new Date(roundStart.getTime() + minutes * 60_000);
}

/** How many escalations a round can still have after paging `level`. */
export function escalationsLeft(level: PageLevel): number {
  return 3 - level;
}
