// The alerting tool's question: "which runbook answers this alert of this service?"
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { AppError, forbidden, parseInput } from "../errors";
import { runbookPath } from "./paths";
import { findRunbookForAlert } from "./search-queries";
import { ZAlertLookup } from "./schemas";

export async function lookupRunbook(prisma: Db, actor: Actor, input: { service?: string | null; alert?: string | null }): Promise<{ title: string; path: string }> {
  authorize(actor, "runbooks.read");
  if (actor.kind === "TOKEN" && !actor.scopes.includes("runbooks:read")) throw forbidden("This token lacks the runbooks:read scope.");
  const query = parseInput(ZAlertLookup, { service: input.service ?? undefined, alert: input.alert ?? undefined });
  const runbook = await findRunbookForAlert(prisma, query.service, query.alert);
  if (!runbook) {
    const service = await prisma.service.findUnique({ where: { slug: query.service }, select: { id: true } });
    throw new AppError(
      "NOT_FOUND",
      service
        ? `No runbook of the service "${query.service}" is linked to the alert "${query.alert}". Add the alert name to a runbook's linked alerts.`
        : `There is no service with the slug "${query.service}".`,
    );
  }
  return { title: runbook.title, path: runbookPath(runbook.service.slug, runbook.slug) };
}
