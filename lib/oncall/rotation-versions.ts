// Writing rotation versions: every change to what the shift engine reads (people, length, handoff, zone,
// secondary layer) starts a new version from a date, so shifts before it never change.
import type { DbTx } from "../db";
import type { LoadedSchedule } from "./queries";
import { continueOrderFrom, rotationPeopleAt } from "./shift-engine";

export type VersionInput = {
  effectiveFrom: Date;
  rotationDays: number;
  handoffWeekday: number;
  handoffMinute: number;
  timeZone: string;
  hasSecondary: boolean;
  participantIds: string[];
  /** The secondary layer's own rotation; empty: the next primary person backs up. */
  secondaryIds: string[];
};

/** Replaces versions that start at or after effectiveFrom with this one. */
export async function startRotationVersion(tx: DbTx, scheduleId: string, version: VersionInput): Promise<{ id: string }> {
  await tx.onCallRotation.deleteMany({ where: { scheduleId, effectiveFrom: { gte: version.effectiveFrom } } });
  return tx.onCallRotation.create({
    data: {
      scheduleId,
      effectiveFrom: version.effectiveFrom,
      rotationDays: version.rotationDays,
      handoffWeekday: version.handoffWeekday,
      handoffMinute: version.handoffMinute,
      timeZone: version.timeZone,
      hasSecondary: version.hasSecondary,
      participants: {
        create: [
          ...version.participantIds.map((personId, position) => ({ personId, position, layer: "PRIMARY" as const })),
          ...(version.hasSecondary ? version.secondaryIds : []).map((personId, position) => ({ personId, position, layer: "SECONDARY" as const })),
        ],
      },
    },
    select: { id: true },
  });
}

/**
 * The current version's people, reordered so whoever the rotation has on call at `at` stays on call
 * (the others follow in their order): a settings change must not hand the pager to someone else.
 */
export function continuingPeople(schedule: LoadedSchedule, at: Date, people: { participantIds: string[]; secondaryIds: string[] }) {
  const onCall = rotationPeopleAt(schedule.engine, at);
  return {
    participantIds: continueOrderFrom(people.participantIds, onCall.primary),
    secondaryIds: continueOrderFrom(people.secondaryIds, onCall.secondary),
  };
}
