import { NextResponse, type NextRequest } from "next/server";
import { handleApi } from "@/lib/api/handle-api";
import { apiActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { lookupRunbook } from "@/lib/runbooks/lookup-runbook";

/** GET /api/v1/runbooks/lookup?service=<slug>&alert=<name> → { title, url } (session, or a token with runbooks:read). */
export const GET = handleApi(async (request: NextRequest) => {
  const params = request.nextUrl.searchParams;
  const found = await lookupRunbook(db(), await apiActor(), { service: params.get("service"), alert: params.get("alert") });
  return NextResponse.json({ title: found.title, url: new URL(found.path, request.nextUrl.origin).toString() });
});
