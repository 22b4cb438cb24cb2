// Runbooks for the demo seed, the tests and the benchmark: a runbook with a history of revisions,
// written with its audit event like every other factory.
import type { Actor } from "../../lib/auth/actor";
import { actorLabel } from "../../lib/auth/actor";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";
import type { DbTx } from "../../lib/db";
import { runbookSlug } from "../../lib/runbooks/fill-template";
import { SEED_ACTOR } from "./factories";

export type RunbookRevisionSeed = { body: string; summary: string; authorLabel?: string; authorId?: string | null; createdAt?: Date };

export type RunbookOverrides = {
  serviceId: string;
  title: string;
  slug?: string;
  tags?: string[];
  alertNames?: string[];
  ownerId?: string | null;
  reviewIntervalDays?: number;
  lastReviewedAt?: Date;
  /** Oldest first; the last one is the current text. At least one. */
  revisions: RunbookRevisionSeed[];
};

export async function createRunbookWithHistory(tx: DbTx, input: RunbookOverrides, actor: Actor = SEED_ACTOR) {
  const revisions = input.revisions;
  const latest = revisions[revisions.length - 1]!;
  const tags = input.tags ?? [];
  const alertNames = input.alertNames ?? [];
  const runbook = await tx.runbook.create({
    data: {
      serviceId: input.serviceId,
      slug: input.slug ?? runbookSlug(input.title),
      title: input.title,
      body: latest.body,
      tags,
      alertNames,
      revision: revisions.length,
      ownerId: input.ownerId ?? null,
      reviewIntervalDays: input.reviewIntervalDays ?? 90,
      lastReviewedAt: input.lastReviewedAt ?? latest.createdAt ?? new Date(),
      createdAt: revisions[0]!.createdAt ?? new Date(),
    },
    select: { id: true, slug: true, title: true, revision: true, serviceId: true },
  });
  await tx.runbookRevision.createMany({
    data: revisions.map((revision, index) => ({
      runbookId: runbook.id,
      number: index + 1,
      title: input.title,
      body: revision.body,
      tags,
      alertNames,
      summary: revision.summary,
      authorId: revision.authorId ?? null,
      authorLabel: revision.authorLabel ?? actorLabel(actor),
      createdAt: revision.createdAt ?? new Date(),
    })),
  });
  await recordAuditEvent(tx, actor, { action: "runbook.create", entityType: "Runbook", entityId: runbook.id, after: { ...runbook, tags, alertNames } });
  return runbook;
}
