// Every major incident gets a review: when it is declared HIGH, raised to HIGH, or opened HIGH by an
// alerting tool. Idempotent (one review per incident, whichever of the events arrives first, however
// often). Later pages add the people paged to the review's participants while it is collecting or
// drafting, and tell them.
import type { Actor } from "../auth/actor";
import { parseEvent } from "../events/catalogue";
import type { Subscriber } from "../events/subscribers";
import { deliverNotice } from "../notifications/notifier";
import { openReview, syncDefaultParticipants } from "./open-review";
import { reviewHref, reviewLabel } from "./paths";

export const REVIEW_SCHEDULER: Actor = { kind: "SYSTEM", label: "system:reviews" };

export const majorIncidentReviews: Subscriber = {
  name: "reviews:major-incidents",
  keepsRecords: true,
  types: ["incident.triggered", "incident.impact-changed", "incident.major-declared", "incident.paged"],
  async handle(event, context) {
    const payload = parseEvent(event, "incident.triggered") ?? parseEvent(event, "incident.impact-changed") ?? parseEvent(event, "incident.major-declared") ?? parseEvent(event, "incident.paged");
    if (!payload) return;
    const { incident } = payload;
    if (event.type === "incident.paged") {
      const review = await context.tx.postIncidentReview.findUnique({ where: { incidentId: incident.id }, select: { id: true, number: true, status: true } });
      if (!review || review.status === "PUBLISHED") return;
      const added = await syncDefaultParticipants(context.tx, review.id, incident.id, event.occurredAt);
      await deliverNotice(event, {
        kind: "review.scheduled",
        personIds: added,
        title: `You take part in ${reviewLabel(review.number)}, the review of INC-${incident.number}`,
        body: "Record your own analysis first: the others see it only once you share it.",
        href: reviewHref(review.id),
      }, context);
      return;
    }
    if (!incident.major) return;
    await openReview(context.tx, REVIEW_SCHEDULER, { incidentId: incident.id, now: event.occurredAt });
  },
};
