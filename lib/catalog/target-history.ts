// The target history availability is computed against (lib/reliability/): each save that sets or
// changes a service's target records it from that moment on, in the save's transaction. The service's
// audit event already says the target moved; this row only dates it.
import type { DbTx } from "../db";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";

export async function recordTargetChange(
  tx: DbTx, service: { id: string; createdAt: Date }, before: AvailabilityTarget | null, after: AvailabilityTarget, now = new Date(),
): Promise<void> {
  if (before === after) {
    // Unchanged, but a service made before the history existed (or by a factory) gets its first row.
    const known = await tx.serviceTargetChange.findFirst({ where: { serviceId: service.id }, select: { id: true } });
    if (!known) await tx.serviceTargetChange.create({ data: { serviceId: service.id, target: after, effectiveFrom: service.createdAt } });
    return;
  }
  if (before !== null) {
    // The target held until now since the service's creation, unless the history says otherwise.
    const known = await tx.serviceTargetChange.findFirst({ where: { serviceId: service.id }, select: { id: true } });
    if (!known) await tx.serviceTargetChange.create({ data: { serviceId: service.id, target: before, effectiveFrom: service.createdAt } });
  }
  await tx.serviceTargetChange.upsert({
    where: { serviceId_effectiveFrom: { serviceId: service.id, effectiveFrom: now } },
    create: { serviceId: service.id, target: after, effectiveFrom: now },
    update: { target: after },
  });
}
