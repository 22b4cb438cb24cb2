// The audited shape of a service: what before/after show in the audit trail.
import type { DbTx } from "../db";

export const serviceSnapshotSelect = {
  id: true, slug: true, name: true, description: true, teamId: true, lifecycle: true, tier: true,
  maxLossPerHour: true, availabilityTarget: true, targetJustification: true, deploymentTarget: true,
  repositoryUrl: true, archivedAt: true,
  links: { orderBy: { position: "asc" as const }, select: { kind: true, label: true, url: true } },
};

export async function serviceSnapshot(tx: DbTx, id: string) {
  return tx.service.findUnique({ where: { id }, select: serviceSnapshotSelect });
}
