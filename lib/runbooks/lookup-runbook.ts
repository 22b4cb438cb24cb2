// The alerting tool's question: "which runbook answers this alert of this service?"
import type { Actor } from "../auth/actor";
import { authorize, authorizeNamedService } from "../authz/can";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { runbookPath } from "./paths";
import { findRunbookForAlert } from "./search-queries";
import { ZAlertLookup } from "./schemas";

export async function lookupRunbook(prisma: Db, actor: Actor, input: { service?: string | null; alert?: string | null }): Promise<{ title: string; path: string }> {
  authorize(actor, "runbooks.read");
  const query = parseInput(ZAlertLookup, { service: input.service ?? undefined, alert: input.alert ?? undefined });
  const service = await prisma.service.findUnique({ where: { slug: query.service }, select: { id: true } });
  authorizeNamedService(actor, "runbooks.read", service, () => new AppError("NOT_FOUND", `There is no service with the slug "${query.service}".`));
  const runbook = await findRunbookForAlert(prisma, query.service, query.alert);
  if (!runbook) {
    throw new AppError("NOT_FOUND", `No runbook of the service "${query.service}" is linked to the alert "${query.alert}". Add the alert name to a runbook's linked alerts.`);
  }
  return { title: runbook.title, path: runbookPath(runbook.service.slug, runbook.slug) };
}
