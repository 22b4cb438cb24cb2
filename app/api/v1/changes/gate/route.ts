import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { readJson } from "@/lib/api/handle-api";
import { gateDecision } from "@/lib/changes/gate";
import { db } from "@/lib/db";
import { requestOrigin } from "@/lib/oncall/origin";

export const POST = apiRoute("changes.gate", async (actor, request) => {
  return NextResponse.json(await gateDecision(db(), actor, await readJson(request), await requestOrigin()));
});
