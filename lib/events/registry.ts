// Every subscriber of the event stream. An area adds its subscriber here; the runner drains each one
// separately, so a failing subscriber holds only itself.
import type { Subscriber } from "./subscribers";
import { backlogEvents } from "../backlog/on-backlog-events";
import { changeNotices } from "../changes/event-notices";
import { deploymentNotices } from "../deployments/event-notices";
import { incidentPagingSubscriber } from "../incidents/paging/on-incident-paging";
import { pagingNotices } from "../incidents/paging/paging-notices";
import { onCallNotices } from "../oncall/event-notices";
import { majorIncidentReviews } from "../reviews/on-major-incident";
import { reviewNotices } from "../reviews/review-notices";
import { webhookFanOut } from "../webhooks/fan-out";

export const SUBSCRIBERS: readonly Subscriber[] = [
  changeNotices, deploymentNotices, onCallNotices, incidentPagingSubscriber, pagingNotices, webhookFanOut, majorIncidentReviews, reviewNotices, backlogEvents,
];

export function subscriberNamed(name: string): Subscriber | undefined {
  return SUBSCRIBERS.find((subscriber) => subscriber.name === name);
}
