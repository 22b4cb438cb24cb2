// The API's deployment list: newest first. A service token sees only its own service.
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import { requireScope } from "../authz/require-scope";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { deploymentDto, listDeployments } from "./queries";
import { ZListDeploymentsQuery } from "./schemas";

export async function listDeploymentsForApi(prisma: Db, actor: Actor, input: unknown) {
  const query = parseInput(ZListDeploymentsQuery, input);
  authorize(actor, "deployments.read");
  let serviceId: string | undefined;
  if (actor.kind === "TOKEN") {
    // Reading the pipeline's own history needs the same scope as writing it.
    requireScope(actor, "deployments:write", actor.serviceId);
    serviceId = actor.serviceId ?? undefined;
  }
  const rows = await listDeployments(prisma, { service: query.service, environment: query.environment, limit: query.limit, serviceId });
  return rows.map(deploymentDto);
}
