import { randomBytes } from "node:crypto";
import type { Actor } from "../auth/actor";
import { recordAuditEvent } from "../audit/record-audit-event";
import { requestSeal } from "../audit/seal-audit-events";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import { z } from "zod";
import { notFound, parseInput } from "../errors";
import { safeText } from "../validation/text";
import { authorizeSchedule } from "./schedule-access";
import { scheduleOwnerFacts } from "./queries";

// Exactly one of the two: the target is spread into the feed's where and data below.
const ZFeedTarget = z.union([z.strictObject({ personId: safeText().min(1).max(200) }), z.strictObject({ scheduleId: safeText().min(1).max(200) })], {
  error: "Name the person or the schedule whose calendar link to renew.",
});
export type FeedTarget = z.input<typeof ZFeedTarget>;

/**
 * Revokes the current iCal feed URL (if any) and issues a new one. A person manages their own feed;
 * a schedule's feed is managed by whoever manages the schedule. The audit event never holds the token.
 */
export async function rotateFeed(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<{ token: string }> {
  const target = parseInput(ZFeedTarget, input);
  const result = await prisma.$transaction(async (tx) => {
    if ("personId" in target) {
      authorize(actor, "oncall.read");
      if (actor.kind !== "PERSON" || actor.id !== target.personId) authorize(actor, "people.manage");
    } else {
      const schedule = await tx.onCallSchedule.findUnique({ where: { id: target.scheduleId }, select: { teamId: true, domainId: true } });
      if (!schedule) throw notFound("The schedule");
      authorizeSchedule(actor, "oncall.schedules.manage", await scheduleOwnerFacts(tx, schedule));
    }
    const where = { ...target, revokedAt: null };
    const revoked = await tx.onCallFeed.updateMany({ where, data: { revokedAt: now } });
    const token = randomBytes(32).toString("base64url");
    const feed = await tx.onCallFeed.create({ data: { ...target, token }, select: { id: true } });
    await recordAuditEvent(tx, actor, { action: "oncall-feed.rotate", entityType: "OnCallFeed", entityId: feed.id, after: { ...target, revokedPrevious: revoked.count } });
    return { token };
  });
  await requestSeal(prisma);
  return result;
}
