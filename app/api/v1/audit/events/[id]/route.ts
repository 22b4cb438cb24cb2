import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { getRawAuditEvent } from "@/lib/audit/get-raw-audit-event";
import { db } from "@/lib/db";

// One audit event as recorded (JSON, chain position, hashes): the audit table's "Raw event", on demand.
export const GET = apiRoute("audit.read", async (actor, _request, { params }: { params: Promise<{ id: string }> }) => {
  const event = await getRawAuditEvent(db(), actor, { id: (await params).id });
  return NextResponse.json(event, { headers: { "cache-control": "private, no-store" } });
});
