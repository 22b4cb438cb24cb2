import { NextResponse } from "next/server";
import { handleApi } from "@/lib/api/handle-api";
import { apiActor } from "@/lib/auth/session";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db";

// ?mode=incremental hashes only events sealed since the newest intact check; the default re-walks the chain.
export const GET = handleApi(async (request: Request) => {
  const mode = new URL(request.url).searchParams.get("mode") === "incremental" ? "incremental" : "full";
  return NextResponse.json(await verifyAuditChain(db(), await apiActor(), mode));
});
