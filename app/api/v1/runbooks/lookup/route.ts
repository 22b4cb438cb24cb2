import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { db } from "@/lib/db";
import { lookupRunbook } from "@/lib/runbooks/lookup-runbook";

/** GET /api/v1/runbooks/lookup?service=<slug>&alert=<name> → { title, url } (session, or a token with runbooks:read). */
export const GET = apiRoute("runbooks.read", async (actor, request) => {
  const url = new URL(request.url);
  const found = await lookupRunbook(db(), actor, { service: url.searchParams.get("service"), alert: url.searchParams.get("alert") });
  return NextResponse.json({ title: found.title, url: new URL(found.path, url.origin).toString() });
});
