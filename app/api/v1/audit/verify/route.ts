import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db";

// ?mode=incremental hashes only events sealed since the newest intact check; the default re-walks the chain.
export const GET = apiRoute("audit.verify", async (actor, request) => {
  const mode = new URL(request.url).searchParams.get("mode") === "incremental" ? "incremental" : "full";
  return NextResponse.json(await verifyAuditChain(db(), actor, mode));
});
