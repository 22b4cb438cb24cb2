import { NextResponse } from "next/server";
import { ingestPagerDuty } from "@/lib/incidents/ingest/ingest-pagerduty";
import { pagerDutyError, readJson, routingKeyActor } from "@/lib/incidents/ingest/pagerduty-http";
import { db } from "@/lib/db";

/**
 * PagerDuty Events API v2's enqueue, unchanged (docs/INTEGRATIONS.md): the routing_key in the body is
 * the service's token, so this route reads no session and no Authorization header.
 */
export const POST = async (request: Request): Promise<Response> => {
  try {
    const body = await readJson(request);
    const actor = await routingKeyActor(body);
    const { dedupKey } = await ingestPagerDuty(db(), actor, body);
    return NextResponse.json({ status: "success", message: "Event processed", dedup_key: dedupKey }, { status: 202, headers: { "cache-control": "no-store" } });
  } catch (error) {
    return pagerDutyError(error);
  }
};
