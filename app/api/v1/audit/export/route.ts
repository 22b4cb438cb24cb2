import { handleApi } from "@/lib/api/handle-api";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { apiActor } from "@/lib/auth/session";
import { db } from "@/lib/db";

// Streams the audit trail as CSV or JSON (docs/API.md); the body is produced batch by batch as the client reads.
export const GET = handleApi(async (request: Request) => {
  const actor = await apiActor();
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const file = await exportAuditEvents(db(), actor, query);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
