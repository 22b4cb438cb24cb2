// The one notifier: every area's event handlers describe a notice (who, what, where to act) and this
// delivers it on each channel the person wants. It runs inside the event dispatcher's transaction,
// so the in-app rows and the queued emails exist exactly once per (event, person): a redelivered
// event finds them already there (unique keys) and adds nothing.
import type { DomainEventRecord } from "../events/catalogue";
import type { EventHandlerContext } from "../events/subscribers";
import { metrics } from "../observability/metrics";
import { emailEnabled } from "./email";
import { renderNoticeEmail } from "./email-template";
import { channelEnabled, type NoticeKind } from "./preferences";

export type Notice = {
  kind: NoticeKind;
  /** Who receives it; the actor of the event is usually left out by the caller. */
  personIds: readonly string[];
  title: string;
  body?: string;
  /** Where to act, a path inside the portal. */
  href: string;
  /** What the email calls the link ("Open in Runwell" when unset), e.g. "Acknowledge" on a page. */
  linkLabel?: string;
};

export async function deliverNotice(event: DomainEventRecord, notice: Notice, { tx, enqueue }: EventHandlerContext): Promise<void> {
  const ids = [...new Set(notice.personIds)];
  if (ids.length === 0) return;
  const people = await tx.person.findMany({
    where: { id: { in: ids }, deactivatedAt: null },
    select: { id: true, email: true, name: true, notificationPreferences: { where: { kind: notice.kind }, select: { kind: true, channel: true, enabled: true } } },
  });
  const inApp = people.filter((person) => channelEnabled(person.notificationPreferences, notice.kind, "IN_APP"));
  if (inApp.length) {
    await tx.notification.createMany({
      data: inApp.map((person) => ({ id: crypto.randomUUID(), personId: person.id, eventId: event.id, kind: notice.kind, title: notice.title, body: notice.body ?? "", href: notice.href })),
      skipDuplicates: true,
    });
    // Seen by the person once this transaction commits, a moment after now.
    metrics().deliveryLatency.observe({ channel: "in_app" }, Math.max(0, Date.now() - event.occurredAt.getTime()) / 1000);
  }
  if (!emailEnabled()) return;
  for (const person of people) {
    if (!channelEnabled(person.notificationPreferences, notice.kind, "EMAIL")) continue;
    const email = renderNoticeEmail(notice, person.name);
    const created = await tx.emailDelivery.createManyAndReturn({
      data: [{ eventId: event.id, personId: person.id, toAddress: person.email, subject: email.subject, text: email.text, html: email.html }],
      skipDuplicates: true,
      select: { id: true },
    });
    for (const row of created) await enqueue("email.send", { deliveryId: row.id });
  }
}

/** Active people with a role, e.g. every change manager (the CAB). */
export async function activePeopleWithRole(tx: EventHandlerContext["tx"], role: "CHANGE_MANAGER" | "ADMIN"): Promise<string[]> {
  const rows = await tx.person.findMany({ where: { role, deactivatedAt: null }, select: { id: true } });
  return rows.map((row) => row.id);
}
