import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { backlogForApi } from "@/lib/backlog/api/backlog-for-api";
import { db } from "@/lib/db";

/** GET /api/v1/teams/{slug}/backlog (docs/API.md). */
export const GET = apiRoute("backlog.read", async (actor, _request, { params }: { params: Promise<{ slug: string }> }) => {
  return NextResponse.json(await backlogForApi(db(), actor, (await params).slug));
});
