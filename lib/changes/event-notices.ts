// Who hears about change control, and in what words: the CAB (every change manager) about changes
// awaiting it, emergency changes and missed checks; the requester about the CAB's decision.
import { parseEvent } from "../events/catalogue";
import type { Subscriber } from "../events/subscribers";
import { activePeopleWithRole, deliverNotice } from "../notifications/notifier";

export const changeNotices: Subscriber = {
  name: "notices:changes",
  types: ["change.submitted", "change.decided", "change.emergency.raised", "change.emergency.review-due", "change.required-check.missed"],
  async handle(event, context) {
    const cab = () => activePeopleWithRole(context.tx, "CHANGE_MANAGER");
    const submitted = parseEvent(event, "change.submitted");
    if (submitted) {
      const { change, service, requester } = submitted;
      const personIds = (await cab()).filter((id) => id !== requester?.id);
      return deliverNotice(event, { kind: "change.submitted", personIds, title: `CHG-${change.number} on ${service.slug} awaits the CAB`, body: change.title, href: submitted.href }, context);
    }
    const decided = parseEvent(event, "change.decided");
    if (decided) {
      const { change, outcome, reason, requester } = decided;
      if (!requester) return;
      const verdict = outcome === "APPROVED" ? "approved" : "rejected";
      return deliverNotice(event, { kind: "change.decided", personIds: [requester.id], title: `CHG-${change.number} ${verdict} by the CAB`, body: reason, href: decided.href }, context);
    }
    const emergency = parseEvent(event, "change.emergency.raised");
    if (emergency) {
      const { change, service } = emergency;
      return deliverNotice(event, { kind: "change.emergency.raised", personIds: await cab(), title: `Emergency change CHG-${change.number} on ${service.slug}: review it afterwards`, body: change.title, href: emergency.href }, context);
    }
    const due = parseEvent(event, "change.emergency.review-due");
    if (due) {
      const { change, service } = due;
      return deliverNotice(event, { kind: "change.emergency.review-due", personIds: await cab(), title: `Review of emergency change CHG-${change.number} on ${service.slug} is due`, body: change.title, href: due.href }, context);
    }
    const missed = parseEvent(event, "change.required-check.missed");
    if (missed) {
      const { deployment, checks, change } = missed;
      const about = change ? ` (CHG-${change.number})` : "";
      return deliverNotice(event, { kind: "change.required-check.missed", personIds: await cab(), title: `${deployment.service.slug} ${deployment.version}${about}: required check missed`, body: `No result in time for: ${checks.join(", ")}.`, href: deployment.href }, context);
    }
  },
};
