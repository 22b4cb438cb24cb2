// Change managers hear of every production deployment's progress and of every flagged deployment.
import { parseEvent } from "../events/catalogue";
import type { Subscriber } from "../events/subscribers";
import { activePeopleWithRole, deliverNotice } from "../notifications/notifier";

const VERB = { "deployment.started": "started", "deployment.finished": "succeeded", "deployment.failed": "failed" } as const;

export const deploymentNotices: Subscriber = {
  name: "notices:deployments",
  types: ["deployment.started", "deployment.finished", "deployment.failed", "deployment.flagged"],
  async handle(event, context) {
    const managers = await activePeopleWithRole(context.tx, "CHANGE_MANAGER");
    const flagged = parseEvent(event, "deployment.flagged");
    if (flagged) {
      return deliverNotice(event, { kind: "deployment.flagged", personIds: managers, title: `Flagged deployment: ${flagged.message}`, href: flagged.deployment.href }, context);
    }
    for (const type of ["deployment.started", "deployment.finished", "deployment.failed"] as const) {
      const progress = parseEvent(event, type);
      if (!progress?.production) continue;
      const { deployment } = progress;
      await deliverNotice(event, { kind: type, personIds: managers, title: `${deployment.service.slug} ${deployment.version} to ${deployment.environment}: ${VERB[type]}`, href: deployment.href }, context);
    }
  },
};
