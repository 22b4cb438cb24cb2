// Which channels each kind of notification uses when a person has said nothing. In-app is on for
// every kind. Email is on for what asks something of the person or happens to them (a shift about to
// start, a request to answer, a decision on their change, a missed check, a page or a major
// incident while on call), and off for the broad
// announcements change managers receive all day (every production deployment).
import { EVENT_TYPES, type EventType } from "../events/catalogue";

export const CHANNELS = ["IN_APP", "EMAIL"] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = { IN_APP: "In Runwell", EMAIL: "Email" };

/** The kinds a person can receive and choose channels for (test events go to webhooks only). */
export type NoticeKind = Exclude<EventType, "webhook.test">;
export const NOTICE_KINDS = EVENT_TYPES.filter((type): type is NoticeKind => type !== "webhook.test");

const EMAIL_BY_DEFAULT = new Set<NoticeKind>([
  "oncall.shift.starting",
  "oncall.request.created",
  "oncall.request.accepted",
  "oncall.request.declined",
  "change.decided",
  "change.emergency.review-due",
  "change.required-check.missed",
  // A page asks the person to respond now; a major incident reaches only the people on call.
  "incident.paged",
  "incident.major-declared",
]);

export function channelOnByDefault(kind: NoticeKind, channel: Channel): boolean {
  return channel === "IN_APP" || EMAIL_BY_DEFAULT.has(kind);
}

export type PreferenceRow = { kind: string; channel: Channel; enabled: boolean };

/** Whether a person with these saved rows gets `kind` on `channel`. */
export function channelEnabled(rows: readonly PreferenceRow[], kind: NoticeKind, channel: Channel): boolean {
  const saved = rows.find((row) => row.kind === kind && row.channel === channel);
  return saved ? saved.enabled : channelOnByDefault(kind, channel);
}
