// A scheduled review asks each participant for their own analysis (in Runwell; email per their
// preferences). The one who scheduled it is left out.
import { parseEvent } from "../events/catalogue";
import type { Subscriber } from "../events/subscribers";
import { deliverNotice } from "../notifications/notifier";
import { reviewLabel } from "./paths";

export const reviewNotices: Subscriber = {
  name: "notices:reviews",
  types: ["review.scheduled"],
  async handle(event, context) {
    const scheduled = parseEvent(event, "review.scheduled");
    if (!scheduled) return;
    const due = new Date(scheduled.dueAt).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    await deliverNotice(event, {
      kind: "review.scheduled",
      personIds: scheduled.participants.map((p) => p.id).filter((id) => id !== scheduled.by.id),
      title: `Post-incident review ${reviewLabel(scheduled.review.number)} of INC-${scheduled.incident.number} on ${scheduled.service.name}`,
      body: `You take part in the blameless review of "${scheduled.incident.title}", due ${due}. Record your own analysis first: nobody sees it until you share it.`,
      href: scheduled.review.href,
    }, context);
  },
};
