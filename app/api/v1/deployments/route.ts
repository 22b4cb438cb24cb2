import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { readJson } from "@/lib/api/handle-api";
import { db } from "@/lib/db";
import { listDeploymentsForApi } from "@/lib/deployments/list-deployments";
import { reportDeployment } from "@/lib/deployments/report-deployment";

export const POST = apiRoute("deployments.report", async (actor, request) => {
  const { created, ...body } = await reportDeployment(db(), actor, await readJson(request));
  return NextResponse.json(body, { status: created ? 201 : 200 });
});

export const GET = apiRoute("deployments.read", async (actor, request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return NextResponse.json(await listDeploymentsForApi(db(), actor, query));
});
