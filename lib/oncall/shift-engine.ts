// The shift engine: final on-call shifts for a time range, from a schedule's rotation versions, its
// overrides and people's leave. Pure: data and a range in, shifts out; no clock, no database.
// Handoffs are local wall-clock times in the schedule's IANA zone (luxon does the zone arithmetic), so
// a weekly 09:00 Monday handoff stays at 09:00 across DST changes and the shift is 167 or 169 hours long.
import { DateTime } from "luxon";
import { memoMillis } from "./zone-memo";

export type Layer = "PRIMARY" | "SECONDARY";
export type OverrideKind = "COVER" | "SWAP" | "TAKE_NOW" | "ASSIGNED";

/** One version of a rotation, in force from effectiveFrom until the next version starts. */
export type RotationVersion = {
  effectiveFrom: Date;
  /** Shift length in local calendar days. */
  rotationDays: number;
  /** ISO weekday (1 = Monday … 7 = Sunday) and local minute of the day of the handoff. */
  handoffWeekday: number;
  handoffMinute: number;
  /** Ordered participants; the first is on call for the shift that contains effectiveFrom. */
  participantIds: string[];
  /** The zone this version's handoffs are in; defaults to the schedule's. A zone change starts a new version. */
  timeZone?: string;
  /** Whether this version has a secondary layer; defaults to the schedule's. */
  hasSecondary?: boolean;
  /**
   * The secondary layer's own ordered rotation (same shift boundaries; the first is secondary for the
   * shift that contains effectiveFrom). Empty: the next primary person backs up the primary.
   */
  secondaryIds?: string[];
};

export type OverrideInput = {
  id: string;
  layer: Layer;
  personId: string;
  startsAt: Date;
  endsAt: Date;
  kind: OverrideKind;
  /** Later overrides win where two overlap. */
  createdAt: Date;
};

export type LeaveInput = { id: string; personId: string; startsAt: Date; endsAt: Date };

export type ScheduleInput = {
  timeZone: string;
  hasSecondary: boolean;
  rotations: RotationVersion[];
  overrides: OverrideInput[];
  leave: LeaveInput[];
};

export type FinalShift = {
  layer: Layer;
  personId: string;
  start: Date;
  end: Date;
  source: "ROTATION" | "OVERRIDE";
  overrideId: string | null;
  overrideKind: OverrideKind | null;
  /** Who the rotation had on call for this stretch (differs from personId under an override). */
  rotationPersonId: string | null;
  /** Ids of the person's leave entries that overlap this shift: the shift clashes with leave. */
  leaveIds: string[];
};

const DAY_MS = 86_400_000;

/** The latest local handoff (weekday + minute in zone) at or before the instant. */
export function handoffAtOrBefore(instant: Date, zone: string, weekday: number, minute: number): DateTime {
  const local = DateTime.fromJSDate(instant, { zone });
  let candidate = local.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
  const back = (candidate.weekday - weekday + 7) % 7;
  candidate = candidate.minus({ days: back });
  if (candidate > local) candidate = candidate.minus({ days: 7 });
  return candidate;
}

type BaseShift = { start: Date; end: Date; primary: string; secondary: string | null };

/** Rotation shifts (no overrides) overlapping [from, to). */
export function rotationShifts(schedule: Pick<ScheduleInput, "timeZone" | "hasSecondary" | "rotations">, from: Date, to: Date): BaseShift[] {
  const versions = [...schedule.rotations].sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime());
  const shifts: BaseShift[] = [];
  versions.forEach((version, index) => {
    const versionStart = version.effectiveFrom.getTime();
    const versionEnd = versions[index + 1]?.effectiveFrom.getTime() ?? Number.POSITIVE_INFINITY;
    const windowStart = Math.max(versionStart, from.getTime());
    const windowEnd = Math.min(versionEnd, to.getTime());
    const people = version.participantIds;
    if (windowStart >= windowEnd || people.length === 0) return;
    const zone = version.timeZone ?? schedule.timeZone;
    const withSecondary = version.hasSecondary ?? schedule.hasSecondary;
    const backups = version.secondaryIds ?? [];
    const anchorMs = memoMillis(`anchor|${zone}|${version.effectiveFrom.getTime()}|${version.handoffWeekday}|${version.handoffMinute}`, () =>
      handoffAtOrBefore(version.effectiveFrom, zone, version.handoffWeekday, version.handoffMinute).toMillis(),
    );
    const anchor = { toMillis: () => anchorMs };
    // Each boundary is zone arithmetic (the slow part), the same on every request: memoised.
    const boundary = (k: number) =>
      memoMillis(`plus|${zone}|${anchorMs}|${k * version.rotationDays}`, () => DateTime.fromMillis(anchorMs, { zone }).plus({ days: k * version.rotationDays }).toMillis());
    // The shift that contains effectiveFrom is the first person's, also when shifts are shorter than the
    // week the handoff weekday anchors (a daily rotation starting mid-week).
    let first = 0;
    while (boundary(first + 1) <= versionStart) first += 1;
    // Estimate the first shift index from elapsed milliseconds, then step to the exact one (DST shifts an hour).
    let k = Math.max(first, Math.floor((windowStart - anchor.toMillis()) / (version.rotationDays * DAY_MS)) - 1);
    while (boundary(k + 1) <= windowStart) k += 1;
    for (; boundary(k) < windowEnd; k += 1) {
      const start = Math.max(boundary(k), windowStart);
      const end = Math.min(boundary(k + 1), windowEnd);
      const index = k - first;
      const primary = people[index % people.length]!;
      const secondary = !withSecondary
        ? null
        : backups.length > 0
          ? backups[index % backups.length]!
          : people.length > 1
            ? people[(index + 1) % people.length]!
            : null;
      shifts.push({ start: new Date(start), end: new Date(end), primary, secondary });
    }
  });
  return shifts;
}

type Piece = Omit<FinalShift, "leaveIds" | "layer">;

function applyOverride(pieces: Piece[], override: OverrideInput, from: number, to: number): Piece[] {
  const start = Math.max(override.startsAt.getTime(), from);
  const end = Math.min(override.endsAt.getTime(), to);
  if (start >= end) return pieces;
  const result: Piece[] = [];
  let rotationPersonId: string | null = null;
  for (const piece of pieces) {
    const pStart = piece.start.getTime();
    const pEnd = piece.end.getTime();
    if (pEnd <= start || pStart >= end) {
      result.push(piece);
      continue;
    }
    rotationPersonId ??= piece.rotationPersonId;
    if (pStart < start) result.push({ ...piece, end: new Date(start) });
    if (pEnd > end) result.push({ ...piece, start: new Date(end) });
  }
  result.push({
    personId: override.personId,
    start: new Date(start),
    end: new Date(end),
    source: "OVERRIDE",
    overrideId: override.id,
    overrideKind: override.kind,
    rotationPersonId,
  });
  return result.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** Final shifts for [from, to): rotation, then overrides (latest wins), each flagged with clashing leave. */
export function finalShifts(schedule: ScheduleInput, from: Date, to: Date): FinalShift[] {
  const base = rotationShifts(schedule, from, to);
  const anySecondary = schedule.hasSecondary || schedule.rotations.some((version) => version.hasSecondary);
  const layers: Layer[] = anySecondary ? ["PRIMARY", "SECONDARY"] : ["PRIMARY"];
  const overrides = schedule.overrides
    .filter((override) => override.endsAt > override.startsAt)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const result: FinalShift[] = [];
  for (const layer of layers) {
    let pieces: Piece[] = [];
    for (const shift of base) {
      const personId = layer === "PRIMARY" ? shift.primary : shift.secondary;
      if (!personId) continue;
      pieces.push({ personId, start: shift.start, end: shift.end, source: "ROTATION", overrideId: null, overrideKind: null, rotationPersonId: personId });
    }
    for (const override of overrides) {
      if (override.layer === layer) pieces = applyOverride(pieces, override, from.getTime(), to.getTime());
    }
    for (const piece of pieces) {
      const leaveIds = schedule.leave
        .filter((entry) => entry.personId === piece.personId && entry.startsAt < piece.end && entry.endsAt > piece.start)
        .map((entry) => entry.id);
      result.push({ ...piece, layer, leaveIds });
    }
  }
  return result.sort((a, b) => a.start.getTime() - b.start.getTime() || a.layer.localeCompare(b.layer));
}

/** The shift of a layer at an instant, and the one after it (with a different person). */
export function shiftAt(shifts: readonly FinalShift[], layer: Layer, at: Date): { current: FinalShift | null; next: FinalShift | null } {
  const inLayer = shifts.filter((shift) => shift.layer === layer);
  const current = inLayer.find((shift) => shift.start <= at && shift.end > at) ?? null;
  const next = inLayer.find((shift) => shift.start >= (current?.end ?? at) && shift.personId !== current?.personId) ?? null;
  return { current, next };
}

/** The end of a person's continuous stretch starting with `shift` (adjacent pieces of the same person merge). */
export function stretchEnd(shifts: readonly FinalShift[], shift: FinalShift): Date {
  let end = shift.end;
  for (const other of shifts) {
    if (other.layer === shift.layer && other.personId === shift.personId && other.start.getTime() === end.getTime()) end = other.end;
  }
  return end;
}

/** Who the rotation (no overrides) has on call on each layer at an instant. */
export function rotationPeopleAt(schedule: Pick<ScheduleInput, "timeZone" | "hasSecondary" | "rotations">, at: Date): { primary: string | null; secondary: string | null } {
  const shift = rotationShifts(schedule, at, new Date(at.getTime() + 1))[0];
  return { primary: shift?.primary ?? null, secondary: shift?.secondary ?? null };
}

/**
 * The same order, starting with `first`: a settings change that starts a new version keeps whoever is
 * on call then on call, and the rest follow in their old order.
 */
export function continueOrderFrom(ids: readonly string[], first: string | null): string[] {
  const index = first ? ids.indexOf(first) : -1;
  return index <= 0 ? [...ids] : [...ids.slice(index), ...ids.slice(0, index)];
}
