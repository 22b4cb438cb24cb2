// Counting unique readers: the first time each signed-in person opens a published review. A
// measurement, not a change anyone made, so it is not audited. One statement that does nothing when
// the person is already counted, so two tabs opening at once count once.
import type { PersonActor } from "../auth/actor";
import type { DbTx } from "../db";

export async function recordReader(tx: DbTx, reviewId: string, reader: PersonActor, now = new Date()): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "ReviewReader" ("reviewId", "personId", "firstReadAt")
    SELECT r.id, p.id, ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC'
      FROM "PostIncidentReview" r, "Person" p
     WHERE r.id = ${reviewId} AND r.status = 'PUBLISHED' AND p.id = ${reader.id}
    ON CONFLICT ("reviewId", "personId") DO NOTHING`;
  return inserted === 1;
}
