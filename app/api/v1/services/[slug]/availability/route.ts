import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { db } from "@/lib/db";
import { requestOrigin } from "@/lib/oncall/origin";
import { availabilityForApi } from "@/lib/reliability/availability-for-api";

export const GET = apiRoute("incidents.read", async (actor, request, { params }: { params: Promise<{ slug: string }> }) => {
  const query = new URL(request.url).searchParams;
  return NextResponse.json(await availabilityForApi(db(), actor, (await params).slug, query, await requestOrigin()));
});
