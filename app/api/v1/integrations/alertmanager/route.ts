import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { readJson } from "@/lib/api/handle-api";
import { db } from "@/lib/db";
import { ingestAlertmanager } from "@/lib/incidents/ingest/ingest-alertmanager";

/** Alertmanager's webhook receiver (docs/INTEGRATIONS.md): the service's token as the bearer, or ?service=<slug>. */
export const POST = apiRoute("incidents.declare", async (actor, request) => {
  const service = new URL(request.url).searchParams.get("service");
  return NextResponse.json(await ingestAlertmanager(db(), actor, await readJson(request), { service }));
});
