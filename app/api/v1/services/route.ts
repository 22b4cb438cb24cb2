import { NextResponse } from "next/server";
import { handleApi } from "@/lib/api/handle-api";
import { apiActor } from "@/lib/auth/session";
import { authorize } from "@/lib/authz/can";
import { TARGET_PERCENT } from "@/lib/catalog/availability";
import { tierNumber } from "@/lib/catalog/labels";
import { listServices } from "@/lib/catalog/queries";
import { db } from "@/lib/db";

export const GET = handleApi(async () => {
  authorize(await apiActor(), "catalog.read");
  const services = await listServices(db());
  return NextResponse.json(
    services.map((service) => ({
      slug: service.slug,
      name: service.name,
      team: service.team.slug,
      tier: tierNumber(service.tier),
      availabilityTarget: TARGET_PERCENT[service.availabilityTarget],
    })),
  );
});
