// What each queue's job does. Handlers are thin: each calls one area's function.
import type PgBoss from "pg-boss";
import type { Db } from "../db";
import { drainSubscriber } from "../events/dispatch";
import { SUBSCRIBERS } from "../events/registry";
import type { Subscriber } from "../events/subscribers";
import { sealAllPending, requestSeal } from "../audit/seal-audit-events";
import { sweepRequiredChecks } from "../changes/deployment-control";
import { emergencyReviewsDue } from "../changes/emergency-review-due";
import { escalateIncident, releaseHeldIncident } from "../incidents/paging/paging-jobs";
import { refreshOrganisationSnapshot } from "../deployments/metrics-snapshot";
import { DEFAULT_PERIOD_DAYS } from "../deployments/schemas";
import { sendEmailDelivery } from "../notifications/email";
import { shiftStartReminders } from "../oncall/shift-reminders";
import { deliverWebhook } from "../webhooks/deliver-webhook";
import type { QueueName } from "./definitions";
import { enqueueIn } from "./enqueue";
import { queue } from "./queue";

export type JobContext = { db: Db; now: () => Date; subscribers?: readonly Subscriber[] };
export type JobHandler = (data: Record<string, unknown>, job: PgBoss.Job<Record<string, unknown>>) => Promise<unknown>;

const SYSTEM = (label: string) => ({ kind: "SYSTEM" as const, label: `system:${label}` });

export function jobHandlers({ db, now, subscribers = SUBSCRIBERS }: JobContext): Record<QueueName, JobHandler> {
  return {
    "events.drain": async (data) => {
      const subscriber = subscribers.find((s) => s.name === String(data.subscriber));
      // Only during a rolling upgrade does a process meet a subscriber it does not know: leave the job to
      // one that does (pg-boss retries it; processes only ever queue drains for subscribers they know).
      if (!subscriber) throw new Error(`This process does not know the subscriber "${String(data.subscriber)}".`);
      await drainSubscriber(db, subscriber, enqueueIn);
    },
    "email.send": (data) => sendEmailDelivery(db, String(data.deliveryId), now()),
    "webhook.deliver": (data) => deliverWebhook(db, String(data.deliveryId), { now: now(), enqueueIn }),
    "incident.escalate": async (data) => {
      await escalateIncident(db, data, now(), enqueueIn);
      await requestSeal(db);
    },
    "incident.release-held": async (data) => {
      await releaseHeldIncident(db, data, now(), enqueueIn);
      await requestSeal(db);
    },
    "schedule.audit-seal-backlog": () => sealAllPending(db),
    "schedule.required-checks-sweep": async () => {
      await sweepRequiredChecks(db, SYSTEM("required-checks-sweep"), now());
      await requestSeal(db);
    },
    "schedule.dora-snapshot": () => refreshOrganisationSnapshot(db, DEFAULT_PERIOD_DAYS, now()),
    "schedule.minutely-reminders": async () => {
      await shiftStartReminders(db, now());
      await emergencyReviewsDue(db, now());
    },
    "schedule.events-backstop": async () => {
      const boss = await queue();
      await Promise.all(subscribers.map((s) => boss.send("events.drain", { subscriber: s.name }, { singletonKey: s.name })));
    },
  };
}
