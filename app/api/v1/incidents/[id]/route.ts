import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { db } from "@/lib/db";
import { getIncidentForApi } from "@/lib/incidents/api/list-incidents-for-api";

export const GET = apiRoute<{ params: Promise<{ id: string }> }>("incidents.read", async (actor, _request, { params }) => {
  return NextResponse.json(await getIncidentForApi(db(), actor, (await params).id));
});
