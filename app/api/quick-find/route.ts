import { NextResponse, type NextRequest } from "next/server";
import { handleApi } from "@/lib/api/handle-api";
import { personForAction } from "@/lib/auth/session";
import { authorize } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { quickFind } from "@/lib/runbooks/search-queries";

/** The Ctrl/Cmd-K palette's data: services, runbooks and people by name (signed-in people only). */
export const GET = handleApi(async (request: NextRequest) => {
  const person = await personForAction();
  authorize(person, "runbooks.read");
  authorize(person, "catalog.read");
  return NextResponse.json(await quickFind(db(), request.nextUrl.searchParams.get("q") ?? ""));
});
