// On-call notices: the person asked hears of a swap or cover request, the person who asked hears the
// answer, and everyone hears an hour before their shift starts.
import { DateTime } from "luxon";
import { parseEvent } from "../events/catalogue";
import type { Subscriber } from "../events/subscribers";
import { deliverNotice } from "../notifications/notifier";

const when = (iso: string) => DateTime.fromISO(iso, { zone: "utc" }).toFormat("ccc d LLL HH:mm 'UTC'");
const range = (start: string, end: string) => `${when(start)} – ${when(end)}`;
const what = (kind: "SWAP" | "COVER") => (kind === "SWAP" ? "swap" : "cover");

export const onCallNotices: Subscriber = {
  name: "notices:oncall",
  types: ["oncall.request.created", "oncall.request.accepted", "oncall.request.declined", "oncall.shift.starting"],
  async handle(event, context) {
    const created = parseEvent(event, "oncall.request.created");
    if (created?.target) {
      return deliverNotice(event, {
        kind: "oncall.request.created", personIds: [created.target.id],
        title: `${created.requester.name} asks you to ${what(created.kind)} on ${created.schedule.name}`,
        body: range(created.shiftStart, created.shiftEnd), href: created.href,
      }, context);
    }
    for (const type of ["oncall.request.accepted", "oncall.request.declined"] as const) {
      const answer = parseEvent(event, type);
      if (!answer) continue;
      const verdict = type === "oncall.request.accepted" ? "accepted" : "declined";
      return deliverNotice(event, {
        kind: type, personIds: [answer.requester.id],
        title: `${answer.responder.name} ${verdict} your ${what(answer.kind)} request on ${answer.schedule.name}`,
        body: range(answer.shiftStart, answer.shiftEnd), href: answer.href,
      }, context);
    }
    const starting = parseEvent(event, "oncall.shift.starting");
    if (starting) {
      const role = starting.role === "PRIMARY" ? "primary" : "secondary";
      return deliverNotice(event, {
        kind: "oncall.shift.starting", personIds: [starting.person.id],
        title: `Your ${role} on-call shift on ${starting.schedule.name} starts at ${when(starting.startsAt)}`,
        body: `Until ${when(starting.endsAt)}.`, href: starting.href,
      }, context);
    }
  },
};
