// The joint review's narrative: summary, impact notes, what went well, what was hard, learnings, tags;
// and its due date and facilitator. Saved as a whole form; the audit event names the fields changed.
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import type { Db } from "../db";
import { AppError, parseInput } from "../errors";
import { dueInstant } from "./dates";
import { requireStatus, reviewForAction } from "./review-access";
import { ZUpdateReview } from "./schemas";

const TEXT_FIELDS = ["summary", "impactNotes", "wentWell", "wasHard", "learnings"] as const;

export async function updateReview(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ changed: string[] }> {
  const data = parseInput(ZUpdateReview, input);
  const result = await prisma.$transaction(async (tx) => {
    const review = await reviewForAction(tx, actor, data.reviewId, "reviews.edit");
    requireStatus(review, ["COLLECTING", "DRAFTING"], "a published review is kept as it was published");
    const current = await tx.postIncidentReview.findUniqueOrThrow({
      where: { id: review.id },
      select: { summary: true, impactNotes: true, wentWell: true, wasHard: true, learnings: true, tags: true, dueAt: true, facilitatorId: true },
    });
    const dueAt = dueInstant(data.dueAt) ?? current.dueAt;
    const facilitatorId = data.facilitatorId ?? current.facilitatorId;
    if (facilitatorId && facilitatorId !== current.facilitatorId) {
      const person = await tx.person.findUnique({ where: { id: facilitatorId }, select: { deactivatedAt: true } });
      if (!person || person.deactivatedAt) throw AppError.validation({ facilitatorId: ["Pick an active person to facilitate."] });
      await tx.reviewParticipant.createMany({ data: [{ reviewId: review.id, personId: facilitatorId, invitedAt: now }], skipDuplicates: true });
    }
    const next = { ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, data[field]])), tags: data.tags, dueAt, facilitatorId } as typeof current;
    const changed = (Object.keys(next) as (keyof typeof current)[]).filter((key) => JSON.stringify(next[key]) !== JSON.stringify(current[key]));
    if (changed.length === 0) return { changed };
    await tx.postIncidentReview.update({ where: { id: review.id }, data: next });
    // Long texts are said as "changed"; the trail keeps what was written, as the review itself does.
    const pick = (row: typeof current) => Object.fromEntries(changed.map((key) => [key, row[key]]));
    await recordAuditEvent(tx, actor, { action: "review.update", entityType: "PostIncidentReview", entityId: review.id, before: pick(current), after: pick(next) });
    return { changed };
  });
  if (result.changed.length) await requestSeal(prisma);
  return result;
}
