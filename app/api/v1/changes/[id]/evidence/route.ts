import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/api-route";
import { evidenceMarkdown } from "@/lib/changes/evidence-markdown";
import { buildEvidencePack } from "@/lib/changes/evidence-pack";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export const GET = apiRoute("changes.evidence", async (actor, request, { params }: { params: Promise<{ id: string }> }) => {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "md") throw AppError.validation({ format: ["Use format=json or format=md."] });
  const pack = await buildEvidencePack(db(), actor, (await params).id);
  const name = `evidence-CHG-${pack.change.number}`;
  if (format === "md") {
    return new Response(evidenceMarkdown(pack), { headers: { "content-type": "text/markdown; charset=utf-8", "content-disposition": `attachment; filename="${name}.md"` } });
  }
  return new NextResponse(JSON.stringify(pack, null, 2), { headers: { "content-type": "application/json", "content-disposition": `attachment; filename="${name}.json"` } });
});
