import { handleApi } from "@/lib/api/handle-api";
import { apiActor } from "@/lib/auth/session";
import { authorize } from "@/lib/authz/can";
import { db } from "@/lib/db";
import { loadCsv } from "@/lib/oncall/load-report";
import { leadsAnyTeam } from "@/lib/oncall/queries";
import { loadReport } from "@/lib/oncall/report-view";

export const GET = handleApi(async (request: Request) => {
  const actor = await apiActor();
  authorize(actor, "oncall.report.read", { isTeamLead: actor.kind === "PERSON" && (await leadsAnyTeam(db(), actor.id)) });
  const report = await loadReport(db(), new URL(request.url).searchParams.get("month") ?? "");
  return new Response(loadCsv(report.rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="oncall-${report.month}.csv"` },
  });
});
