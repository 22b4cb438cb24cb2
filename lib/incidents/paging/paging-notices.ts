// The paged person hears of their page in Runwell and by email (per their preferences; pages email by
// default), with their own signed acknowledge link. A team page reaches every active member, each with
// a link of their own. The link is made here, from the event, and never enters the event itself, so
// webhooks and Slack (which carry `incident.paged` too) never see it.
import { parseEvent } from "../../events/catalogue";
import type { Subscriber } from "../../events/subscribers";
import { portalUrl } from "../../notifications/email-template";
import { deliverNotice } from "../../notifications/notifier";
import { ACK_LINK_HOURS, ackPath } from "./ack-token";

export const pagingNotices: Subscriber = {
  name: "notices:paging",
  types: ["incident.paged"],
  async handle(event, context) {
    const paged = parseEvent(event, "incident.paged");
    if (!paged) return;
    const { incident } = paged;
    let personIds: string[] = paged.person ? [paged.person.id] : [];
    if (!paged.person && paged.team) {
      const members = await context.tx.teamMembership.findMany({ where: { teamId: paged.team.id, person: { deactivatedAt: null } }, select: { personId: true } });
      personIds = members.map((member) => member.personId);
    }
    // The link's life starts when the page went out, so a redelivered event makes the same link.
    const expiresAt = new Date(event.occurredAt.getTime() + ACK_LINK_HOURS * 3_600_000);
    const what = paged.level === 0 ? "You are paged" : `Escalated to you (level ${paged.level})`;
    for (const personId of personIds) {
      await deliverNotice(event, {
        kind: "incident.paged",
        personIds: [personId],
        title: `${what}: INC-${incident.number} on ${incident.service.name}: ${incident.title}`,
        body: [
          `Why you: ${paged.reason}.`,
          `Acknowledge with one press from this link (it works without signing in, for ${ACK_LINK_HOURS} hours), or open the incident: ${portalUrl(incident.href)}`,
        ].join("\n"),
        href: ackPath({ personId, incidentId: incident.id, expiresAt }),
        linkLabel: "Acknowledge",
      }, context);
    }
  },
};
