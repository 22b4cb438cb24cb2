import { NextResponse } from "next/server";
import { handleApi, readJson } from "@/lib/api/handle-api";
import { apiActor } from "@/lib/auth/session";
import { gateDecision } from "@/lib/changes/gate";
import { db } from "@/lib/db";
import { requestOrigin } from "@/lib/oncall/origin";

export const POST = handleApi(async (request: Request) => {
  const actor = await apiActor();
  const answer = await gateDecision(db(), actor, await readJson(request), await requestOrigin());
  return NextResponse.json(answer);
});
