import { NextResponse } from "next/server";
import { handleApi, readJson } from "@/lib/api/handle-api";
import { apiActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listDeploymentsForApi } from "@/lib/deployments/list-deployments";
import { reportDeployment } from "@/lib/deployments/report-deployment";

export const POST = handleApi(async (request: Request) => {
  const actor = await apiActor();
  const result = await reportDeployment(db(), actor, await readJson(request));
  const { created, ...body } = result;
  return NextResponse.json(body, { status: created ? 201 : 200 });
});

export const GET = handleApi(async (request: Request) => {
  const actor = await apiActor();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listDeploymentsForApi(db(), actor, query));
});
