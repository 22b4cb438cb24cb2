import { NextResponse } from "next/server";
import { handleApi, readJson } from "@/lib/api/handle-api";
import { apiActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { reportHealthCheck } from "@/lib/deployments/report-health-check";

export const POST = handleApi(async (request: Request, context: { params: Promise<{ id: string }> }) => {
  const actor = await apiActor();
  const { id } = await context.params;
  const check = await reportHealthCheck(db(), actor, id, await readJson(request));
  return NextResponse.json(check, { status: 201 });
});
