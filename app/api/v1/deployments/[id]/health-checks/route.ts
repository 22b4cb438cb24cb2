import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { readJson } from "@/lib/api/handle-api";
import { db } from "@/lib/db";
import { reportHealthCheck } from "@/lib/deployments/report-health-check";

export const POST = apiRoute("deployments.health-check", async (actor, request, context: { params: Promise<{ id: string }> }) => {
  const { id } = await context.params;
  const check = await reportHealthCheck(db(), actor, id, await readJson(request));
  return NextResponse.json(check, { status: 201 });
});
