import { NextResponse } from "next/server";
import { handleApi } from "@/lib/api/handle-api";
import { apiActor } from "@/lib/auth/session";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db";

export const GET = handleApi(async () => NextResponse.json(await verifyAuditChain(db(), await apiActor())));
