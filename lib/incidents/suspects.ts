// Suspect deployments: the production deployments of an incident's services in the hours before it
// began, newest first, with the changes they implemented. Responders confirm one as the cause.
import type { DbTx } from "../db";
import type { DeploymentStatus } from "../generated/prisma/enums.ts";

/** How far back a deployment is suspect: most change-induced incidents show within a few hours. */
export const SUSPECT_WINDOW_HOURS = 6;

export type Suspect = {
  id: string;
  service: { slug: string; name: string };
  version: string;
  status: DeploymentStatus;
  startedAt: Date;
  finishedAt: Date | null;
  deployer: string | null;
  change: { id: string; number: number; summary: string } | null;
};

export async function suspectDeployments(tx: DbTx, incident: { triggeredAt: Date; serviceIds: string[]; causeDeploymentId: string | null }): Promise<Suspect[]> {
  const from = new Date(incident.triggeredAt.getTime() - SUSPECT_WINDOW_HOURS * 3_600_000);
  const rows = await tx.deployment.findMany({
    where: {
      OR: [
        { serviceId: { in: incident.serviceIds }, environment: { isProduction: true }, startedAt: { gte: from, lte: incident.triggeredAt } },
        ...(incident.causeDeploymentId ? [{ id: incident.causeDeploymentId }] : []),
      ],
    },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: 20,
    select: {
      id: true, version: true, status: true, startedAt: true, finishedAt: true, deployer: true,
      service: { select: { slug: true, name: true } },
      changeRequest: { select: { id: true, number: true, summary: true } },
    },
  });
  return rows.map(({ changeRequest, ...row }) => ({ ...row, change: changeRequest }));
}
