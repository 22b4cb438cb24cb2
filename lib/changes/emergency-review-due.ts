// An emergency change is implemented first and reviewed by the CAB afterwards, by its review due date
// (raise-change.ts sets it from the CAB settings). When that date passes without a review, the CAB is
// told once: the ReminderSent key makes a rerun of the minutely job remind once.
import type { Db } from "../db";
import { emitEvent } from "../events/emit";
import { changeEventRefs, loadChange } from "./change-access";

export async function emergencyReviewsDue(db: Db, now: Date): Promise<number> {
  // Reminded ones are skipped in the query, so the oldest 200 never hide newer ones.
  const due = await db.$queryRaw<{ id: string; reviewDueAt: Date }[]>`
    SELECT c.id, c."reviewDueAt" FROM "ChangeRequest" c
     WHERE c.type = 'EMERGENCY' AND c."reviewedAt" IS NULL AND c."reviewDueAt" <= ${now}
       AND NOT EXISTS (SELECT 1 FROM "ReminderSent" r WHERE r.key = 'emergency-review:' || c.id)
     ORDER BY c."reviewDueAt" LIMIT 200`;
  let sent = 0;
  for (const { id, reviewDueAt } of due) {
    const emitted = await db.$transaction(async (tx) => {
      const fresh = await tx.reminderSent.createMany({ data: [{ key: `emergency-review:${id}` }], skipDuplicates: true });
      if (fresh.count === 0) return false;
      const { subject, change, service, href } = changeEventRefs(await loadChange(tx, id));
      await emitEvent(tx, "change.emergency.review-due", subject, { change, service, href, dueAt: reviewDueAt.toISOString() });
      return true;
    });
    if (emitted) sent += 1;
  }
  return sent;
}
