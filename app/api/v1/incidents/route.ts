import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { readJson } from "@/lib/api/handle-api";
import { db } from "@/lib/db";
import { listIncidentsForApi } from "@/lib/incidents/api/list-incidents-for-api";
import { reportIncident } from "@/lib/incidents/api/report-incident";

/** POST /api/v1/incidents: 201 when new, 200 for a replay or a status update (docs/API.md). */
export const POST = apiRoute("incidents.declare", async (actor, request) => {
  const { created, ...body } = await reportIncident(db(), actor, await readJson(request));
  return NextResponse.json(body, { status: created ? 201 : 200 });
});

export const GET = apiRoute("incidents.read", async (actor, request) => {
  return NextResponse.json(await listIncidentsForApi(db(), actor, Object.fromEntries(new URL(request.url).searchParams)));
});
