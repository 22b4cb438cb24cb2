// Prometheus scrape endpoint (docs/DEPLOY.md): this process's metrics, or the whole cluster's under
// RUNWELL_WEB_WORKERS.
import { env } from "@/lib/env";
import { metricsExposition } from "@/lib/observability/cluster-metrics";
import { logger } from "@/lib/observability/logger";
import { metricsScrapeAllowed } from "@/lib/observability/metrics-access";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!metricsScrapeAllowed(request.headers.get("authorization"), env().RUNWELL_METRICS_TOKEN)) {
    return new Response("A bearer token is required (RUNWELL_METRICS_TOKEN).\n", {
      status: 401,
      headers: { "www-authenticate": 'Bearer realm="metrics"', "cache-control": "no-store" },
    });
  }
  try {
    const { text, contentType } = await metricsExposition();
    return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch (error) {
    logger().error({ err: error }, "metrics: the scrape failed");
    return new Response("Metrics are unavailable right now.\n", { status: 503, headers: { "cache-control": "no-store" } });
  }
}
