// GET /api/v1/services: the catalogue in its public shape. A service's token sees its own service,
// or the whole catalogue when it carries catalog:read.
import type { Actor } from "../auth/actor";
import { authorize, tokenServiceLimit } from "../authz/can";
import type { Db } from "../db";
import { TARGET_PERCENT } from "./availability";
import { tierNumber } from "./labels";
import { listServices } from "./queries";

export async function listServicesForApi(prisma: Db, actor: Actor) {
  const limit = tokenServiceLimit(actor, "catalog.read");
  authorize(actor, "catalog.read", { serviceId: limit });
  const services = await listServices(prisma);
  return services
    .filter((service) => limit === null || service.id === limit)
    .map((service) => ({
      slug: service.slug,
      name: service.name,
      team: service.team.slug,
      tier: tierNumber(service.tier),
      availabilityTarget: TARGET_PERCENT[service.availabilityTarget],
    }));
}
