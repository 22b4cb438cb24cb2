// The API's deployment list: newest first. A service token sees only its own service.
import type { Actor } from "../auth/actor";
import { authorize, tokenServiceLimit } from "../authz/can";
import type { Db } from "../db";
import { parseInput } from "../errors";
import { deploymentDto, listDeployments } from "./queries";
import { ZListDeploymentsQuery } from "./schemas";

export async function listDeploymentsForApi(prisma: Db, actor: Actor, input: unknown) {
  const query = parseInput(ZListDeploymentsQuery, input);
  const limit = tokenServiceLimit(actor, "deployments.read");
  authorize(actor, "deployments.read", { serviceId: limit });
  const serviceId = limit ?? undefined;
  const rows = await listDeployments(prisma, { service: query.service, environment: query.environment, limit: query.limit, serviceId });
  return rows.map(deploymentDto);
}
