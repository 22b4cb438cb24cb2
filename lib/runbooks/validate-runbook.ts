// Checks a runbook's content against the rest of the organisation, inside the writing transaction.
import type { DbTx } from "../db";
import { AppError } from "../errors";
import type { TRunbookContent } from "./schemas";

/** An alert name leads to one runbook per service (the lookup API must have one answer); the owner must exist. */
export async function validateRunbookContent(tx: DbTx, serviceId: string, data: TRunbookContent, runbookId: string | null): Promise<void> {
  const fieldErrors: Record<string, string[]> = {};
  if (data.alertNames.length) {
    const clashes = await tx.runbook.findMany({
      where: { serviceId, alertNames: { hasSome: data.alertNames }, ...(runbookId ? { id: { not: runbookId } } : {}) },
      select: { title: true, alertNames: true },
    });
    const messages = clashes.flatMap((other) =>
      other.alertNames.filter((name) => data.alertNames.includes(name)).map((name) => `The alert ${name} already leads to the runbook "${other.title}".`),
    );
    if (messages.length) fieldErrors.alertNames = messages;
  }
  if (data.ownerId) {
    const owner = await tx.person.findUnique({ where: { id: data.ownerId }, select: { deactivatedAt: true } });
    if (!owner || owner.deactivatedAt) fieldErrors.ownerId = ["Choose an active person as the owner."];
  }
  if (Object.keys(fieldErrors).length) throw AppError.validation(fieldErrors);
}
