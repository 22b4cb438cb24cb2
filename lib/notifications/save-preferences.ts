// A person chooses, per kind of notification, which channels they receive it on. The form posts the
// boxes left ticked as "kind|CHANNEL"; anything not ticked is off. Only rows that differ from the
// kind's default are kept, so a default changed in a later version reaches everyone who never chose.
import { z } from "zod";
import type { PersonActor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { CHANNELS, channelEnabled, channelOnByDefault, NOTICE_KINDS, type Channel, type NoticeKind } from "./preferences";

const choice = z.string().max(100).refine((value) => {
  const [kind, channel] = value.split("|");
  return (NOTICE_KINDS as readonly string[]).includes(kind ?? "") && (CHANNELS as readonly string[]).includes(channel ?? "");
}, "Unknown notification kind or channel.");

const ZPreferences = z.object({ on: z.array(choice).max(NOTICE_KINDS.length * CHANNELS.length) });

export type PreferenceMatrix = { kind: NoticeKind; channels: Record<Channel, boolean> }[];

export async function readPreferences(db: Db, personId: string): Promise<PreferenceMatrix> {
  const rows = await db.notificationPreference.findMany({ where: { personId }, select: { kind: true, channel: true, enabled: true } });
  return NOTICE_KINDS.map((kind) => ({ kind, channels: { IN_APP: channelEnabled(rows, kind, "IN_APP"), EMAIL: channelEnabled(rows, kind, "EMAIL") } }));
}

export async function savePreferences(db: Db, person: PersonActor, input: unknown): Promise<void> {
  const data = parseInput(ZPreferences, input);
  const on = new Set(data.on);
  const wanted = NOTICE_KINDS.flatMap((kind) => CHANNELS.map((channel) => ({ kind, channel, enabled: on.has(`${kind}|${channel}`) })));
  const differing = wanted.filter((row) => row.enabled !== channelOnByDefault(row.kind, row.channel));
  await db.$transaction(async (tx) => {
    const before = await tx.notificationPreference.findMany({ where: { personId: person.id }, select: { kind: true, channel: true, enabled: true }, orderBy: [{ kind: "asc" }, { channel: "asc" }] });
    await tx.notificationPreference.deleteMany({ where: { personId: person.id } });
    if (differing.length) await tx.notificationPreference.createMany({ data: differing.map((row) => ({ personId: person.id, ...row })) });
    const describe = (rows: { kind: string; channel: string; enabled: boolean }[]) => rows.map((row) => `${row.kind} by ${row.channel === "EMAIL" ? "email" : "in Runwell"}: ${row.enabled ? "on" : "off"}`);
    await recordAuditEvent(tx, person, { action: "notification-preferences.update", entityType: "Person", entityId: person.id, before: { choices: describe(before) }, after: { choices: describe(differing) } });
  });
  await requestSeal(db);
}
