import { apiRoute } from "@/lib/api/api-route";
import { exportAuditEvents } from "@/lib/audit/export-audit-events";
import { db } from "@/lib/db";

// Streams the audit trail as CSV or JSON (docs/API.md); the body is produced batch by batch as the client reads.
export const GET = apiRoute("audit.export", async (actor, request) => {
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
