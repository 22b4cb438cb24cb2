// Reads what the risk score needs for one change, in bounded queries, and scores it.
import type { DbTx } from "../db";
import { OPEN_STATUSES } from "../incidents/status-transitions";
import { readTrackRecord } from "./gate-sql";
import { onCallAt } from "./oncall-at";
import type { Tier } from "./pattern-rules";
import { riskScore, type RiskScore } from "./risk-score";

const HOUR = 3_600_000;

export async function scoreChange(
  tx: DbTx,
  change: { service: { id: string; slug: string; teamId: string; tier: Tier; domainId: string | null }; environmentId: string; plannedStart: Date | null; commits: number | null },
  now = new Date(),
): Promise<RiskScore> {
  const at = change.plannedStart;
  const [history, onCall, freeze, openMajorIncidents] = await Promise.all([
    readTrackRecord(tx, { serviceId: change.service.id, environmentId: change.environmentId, days: [30], recent: 0, now }),
    at ? onCallAt(tx, change.service.slug, at) : Promise.resolve(null),
    at
      ? tx.freezeWindow.findFirst({
          where: {
            startsAt: { lt: new Date(at.getTime() + 48 * HOUR) },
            endsAt: { gt: new Date(at.getTime() - 48 * HOUR) },
            OR: [{ scope: "ORGANISATION" }, { serviceId: change.service.id }, { teamId: change.service.teamId }, ...(change.service.domainId ? [{ domainId: change.service.domainId }] : [])],
          },
          orderBy: { startsAt: "asc" },
          select: { startsAt: true, endsAt: true },
        })
      : Promise.resolve(null),
    // Major incidents open now on the service (any affected service, not only the responding one).
    tx.incident.count({ where: { impact: "HIGH", status: { in: [...OPEN_STATUSES] }, services: { some: { serviceId: change.service.id } } } }),
  ]);
  const window = history.windows[30];
  let hoursToFreeze: number | null = null;
  if (at && freeze) {
    if (freeze.startsAt <= at && freeze.endsAt > at) hoursToFreeze = 0;
    else hoursToFreeze = Math.min(Math.abs(freeze.startsAt.getTime() - at.getTime()), Math.abs(at.getTime() - freeze.endsAt.getTime())) / HOUR;
  }
  return riskScore({
    tier: change.service.tier,
    changeFailureRate: window && window.finished > 0 ? window.failed / window.finished : null,
    commits: change.commits,
    outOfHours: onCall ? !onCall.inHours : null,
    hoursToFreeze,
    onCallCovered: onCall ? onCall.covered : null,
    openMajorIncidents,
  });
}
