// Appending to an incident's timeline, in the writing transaction.
import { actorLabel, type Actor } from "../auth/actor";
import type { DbTx } from "../db";
import type { IncidentTimelineKind } from "../generated/prisma/enums.ts";

/** How an actor is named on a timeline: a person by name, a token by its label, a tool by its own name. */
export function timelineActor(actor: Actor): { actorLabel: string; personId: string | null } {
  if (actor.kind === "PERSON") return { actorLabel: actor.name, personId: actor.id };
  return { actorLabel: actor.kind === "TOKEN" ? actor.label : actorLabel(actor), personId: null };
}

export type TimelineEntry = { kind: IncidentTimelineKind; message: string; occurredAt: Date; url?: string | null };

export async function addTimelineEntries(tx: DbTx, incidentId: string, actor: Actor, entries: readonly TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const who = timelineActor(actor);
  await tx.incidentTimelineEntry.createMany({
    data: entries.map((entry) => ({ incidentId, kind: entry.kind, message: entry.message, url: entry.url ?? null, occurredAt: entry.occurredAt, ...who })),
  });
}
