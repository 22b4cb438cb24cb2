import { actorLabel, type Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db, DbTx } from "../db";
import { AppError, notFound, parseInput } from "../errors";
import { freeSlug, runbookSlug } from "./fill-template";
import { runbookSnapshot } from "./runbook-snapshot";
import { ZCreateRunbook, type TRunbookContent } from "./schemas";
import { validateRunbookContent } from "./validate-runbook";

export type CreatedRunbook = { id: string; slug: string; serviceSlug: string };

/** Creates a runbook for a service with its first revision. */
export async function createRunbook(prisma: Db, actor: Actor, serviceSlug: string, input: unknown): Promise<CreatedRunbook> {
  const data = parseInput(ZCreateRunbook, input);
  const created = await prisma.$transaction(async (tx) => {
    const service = await tx.service.findUnique({ where: { slug: serviceSlug }, select: { id: true, slug: true, teamId: true, archivedAt: true } });
    if (!service) throw notFound("The service");
    authorize(actor, "runbooks.edit", { teamId: service.teamId });
    if (service.archivedAt) throw new AppError("CONFLICT", "The service is archived: restore it before adding runbooks.");
    await validateRunbookContent(tx, service.id, data, null);
    return insertRunbook(tx, actor, service, data);
  });
  await requestSeal(prisma);
  return created;
}

/**
 * Writes a runbook, revision 1 and the audit event with the caller's transaction client. Shared with
 * createService (the starter runbook), which has already authorised the actor for the service.
 */
export async function insertRunbook(
  tx: DbTx,
  actor: Actor,
  service: { id: string; slug: string },
  data: TRunbookContent,
  now = new Date(),
): Promise<CreatedRunbook> {
  const taken = await tx.runbook.findMany({ where: { serviceId: service.id }, select: { slug: true } });
  const slug = freeSlug(runbookSlug(data.title), new Set(taken.map((row) => row.slug)));
  const reviewerId = actor.kind === "PERSON" ? actor.id : null;
  const runbook = await tx.runbook.create({
    data: {
      serviceId: service.id,
      slug,
      title: data.title,
      body: data.body,
      tags: data.tags,
      alertNames: data.alertNames,
      reviewIntervalDays: data.reviewIntervalDays,
      ownerId: data.ownerId,
      // Writing it is its first review.
      lastReviewedAt: now,
      lastReviewedById: reviewerId,
      createdAt: now,
      revisions: {
        create: {
          number: 1,
          title: data.title,
          body: data.body,
          tags: data.tags,
          alertNames: data.alertNames,
          summary: data.summary || "Created",
          authorId: actor.kind === "PERSON" ? actor.id : null,
          authorLabel: actorLabel(actor),
          createdAt: now,
        },
      },
    },
    select: { id: true, slug: true },
  });
  await recordAuditEvent(tx, actor, { action: "runbook.create", entityType: "Runbook", entityId: runbook.id, after: await runbookSnapshot(tx, runbook.id) });
  return { ...runbook, serviceSlug: service.slug };
}
