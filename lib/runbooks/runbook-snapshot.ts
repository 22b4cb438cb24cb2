// The audited shape of a runbook. The body itself lives in RunbookRevision (append-only), so the
// audit event names the revision and carries a hash of the body instead of up to 200 kB of text.
import { createHash } from "node:crypto";
import type { DbTx } from "../db";

export async function runbookSnapshot(tx: DbTx, id: string) {
  const row = await tx.runbook.findUnique({
    where: { id },
    select: {
      id: true, slug: true, title: true, body: true, tags: true, alertNames: true, revision: true, serviceId: true,
      reviewIntervalDays: true, ownerId: true, lastReviewedAt: true, lastReviewedById: true,
    },
  });
  if (!row) return null;
  const { body, ...rest } = row;
  return { ...rest, bodySha256: createHash("sha256").update(body).digest("hex"), bodyLength: body.length };
}
