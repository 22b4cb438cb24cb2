// What each queue's job does. Handlers are thin: each calls one area's function.
import type PgBoss from "pg-boss";
import type { Db } from "../db";
import { drainSubscriber } from "../events/dispatch";
import { subscriberNamed, SUBSCRIBERS } from "../events/registry";
import { sealAllPending, requestSeal } from "../audit/seal-audit-events";
import { sweepRequiredChecks } from "../changes/deployment-control";
import { emergencyReviewsDue } from "../changes/emergency-review-due";
import { metricsForPage } from "../deployments/metrics-snapshot";
import { DEFAULT_PERIOD_DAYS } from "../deployments/schemas";
import { sendEmailDelivery } from "../notifications/email";
import { shiftStartReminders } from "../oncall/shift-reminders";
import type { QueueName } from "./definitions";
import { enqueueIn } from "./enqueue";
import { queue } from "./queue";

export type JobContext = { db: Db; now: () => Date };
export type JobHandler = (data: Record<string, unknown>, job: PgBoss.Job<Record<string, unknown>>) => Promise<unknown>;

const SYSTEM = (label: string) => ({ kind: "SYSTEM" as const, label: `system:${label}` });

export function jobHandlers({ db, now }: JobContext): Record<QueueName, JobHandler> {
  return {
    "events.drain": async (data) => {
      const subscriber = subscriberNamed(String(data.subscriber));
      if (!subscriber) return; // a subscriber removed by an upgrade: nothing to do
      await drainSubscriber(db, subscriber, enqueueIn);
    },
    "email.send": (data) => sendEmailDelivery(db, String(data.deliveryId), now()),
    "schedule.audit-seal-backlog": () => sealAllPending(db),
    "schedule.required-checks-sweep": async () => {
      await sweepRequiredChecks(db, SYSTEM("required-checks-sweep"), now());
      await requestSeal(db);
    },
    "schedule.dora-snapshot": () => metricsForPage(db, { kind: "organisation" }, DEFAULT_PERIOD_DAYS, now()),
    "schedule.minutely-reminders": async () => {
      await shiftStartReminders(db, now());
      await emergencyReviewsDue(db, now());
    },
    "schedule.events-backstop": async () => {
      const boss = await queue();
      await Promise.all(SUBSCRIBERS.map((s) => boss.send("events.drain", { subscriber: s.name }, { singletonKey: s.name })));
    },
  };
}
