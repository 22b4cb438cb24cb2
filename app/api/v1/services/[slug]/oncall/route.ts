import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { db } from "@/lib/db";
import { onCallForApi } from "@/lib/oncall/oncall-for-api";

export const GET = apiRoute("oncall.read", async (actor, _request, { params }: { params: Promise<{ slug: string }> }) => {
  return NextResponse.json(await onCallForApi(db(), actor, (await params).slug));
});
