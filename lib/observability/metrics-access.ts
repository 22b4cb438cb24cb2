// Who may scrape /api/metrics. The metrics name routes, rates and the audit backlog, not people or
// secrets, so without RUNWELL_METRICS_TOKEN they are open like /api/health (scrapers inside the
// cluster need nothing); with it, a scrape must send `Authorization: Bearer <token>` (docs/DEPLOY.md).
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

export function metricsScrapeAllowed(authorization: string | null, token: string | undefined): boolean {
  if (!token) return true;
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  // Equal-length digests: the comparison takes the same time whatever was sent.
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}
