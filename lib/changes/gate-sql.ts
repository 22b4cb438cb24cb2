// The deployment gate's reads and its one write. Every read is bounded and indexed: the gate answers
// hundreds of pipelines a second and must never scan a service's whole history.
import { randomUUID } from "node:crypto";
import { actorId, actorLabel, type Actor } from "../auth/actor";
import { preparedStatement, runPrepared, type DbTx } from "../db";
import type { ChecksOutcome, TrackRecord } from "./eligibility";
import type { Tier } from "./pattern-rules";
import type { ChangeType } from "./state-machine";
import { budgetColumns, decodeBudget, type BudgetRow } from "../reliability/budget-sql";
import type { BudgetPolicyInput } from "../reliability/budget-policy";

/** Postgres `timestamp` (UTC, no zone) read through json_build_object: append the zone back. */
export const utc = (value: string) => new Date(value.endsWith("Z") ? value : `${value}Z`);

export type GateContext = {
  service: { id: string; slug: string; teamId: string; domainId: string | null; tier: Tier; archived: boolean } | null;
  environment: { id: string; isProduction: boolean } | null;
  freeze: { name: string; endsAt: Date } | null;
  approved: { id: string; type: ChangeType; number: number } | null;
  standard: { id: string; number: number } | null;
  patterns: { id: string; name: string; slug: string; rules: unknown; serviceIds: string[]; teamIds: string[]; environmentIds: string[]; tiers: Tier[] }[];
  /** The error-budget policy and the service's 28-day budget (lib/reliability/budget-sql.ts). */
  budget: BudgetPolicyInput;
};

type Row = BudgetRow & {
  service: (Omit<NonNullable<GateContext["service"]>, "domainId"> & { domainId: string | null }) | null;
  environment: GateContext["environment"];
  freeze: { name: string; endsAt: string } | null;
  approved: GateContext["approved"];
  standard: GateContext["standard"];
  patterns: GateContext["patterns"] | null;
};

/**
 * One round trip: the service, environment, a freeze at the planned time, approved changes for the
 * version, the covering patterns, and the error budget as of `now`.
 */
export async function readGateContext(tx: DbTx, input: { service: string; environment: string; version: string; plannedAt: Date; now: Date }): Promise<GateContext> {
  const at = input.plannedAt.toISOString();
  const [row] = await runPrepared<Row>(tx, preparedStatement("gate-read-context", (p) => {
    const planned = `${p(at)}::timestamptz AT TIME ZONE 'UTC'`;
    const version = p(input.version);
    return `
    WITH s AS (
      SELECT s.id, s.slug, s."teamId", (SELECT t."domainId" FROM "Team" t WHERE t.id = s."teamId") AS "domainId", s.tier::text AS tier,
             s."archivedAt" IS NOT NULL AS archived
        FROM "Service" s WHERE s.slug = ${p(input.service)}::text),
         e AS (SELECT id, "isProduction" FROM "Environment" WHERE slug = ${p(input.environment)}::text),
         -- The version's live changes, one probe of the (service, environment, version, state) index.
         c AS (SELECT c.id, c.type, c.state, c.number, c."createdAt" FROM "ChangeRequest" c
                WHERE c."serviceId" = (SELECT id FROM s) AND c."environmentId" = (SELECT id FROM e) AND c.version = ${version}::text
                  AND c.state IN ('APPROVED', 'IMPLEMENTED', 'CLOSED'))
    SELECT (SELECT row_to_json(s) FROM s) AS service,
           (SELECT row_to_json(e) FROM e) AS environment,
           (SELECT json_build_object('name', f.name, 'endsAt', f."endsAt") FROM "FreezeWindow" f, s
             WHERE f."endsAt" > ${planned} AND f."startsAt" <= ${planned}
               AND (f.scope = 'ORGANISATION' OR f."serviceId" = s.id OR f."teamId" = s."teamId" OR f."domainId" = s."domainId")
             ORDER BY f."endsAt" DESC LIMIT 1) AS freeze,
           (SELECT json_build_object('id', c.id, 'type', c.type, 'number', c.number) FROM c
             WHERE c.state IN ('APPROVED', 'IMPLEMENTED') AND c.type IN ('NORMAL', 'EMERGENCY')
             ORDER BY (c.type = 'EMERGENCY') DESC, c."createdAt" DESC LIMIT 1) AS approved,
           (SELECT json_build_object('id', c.id, 'number', c.number) FROM c WHERE c.type = 'STANDARD'
             ORDER BY c."createdAt" LIMIT 1) AS standard,
           (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'slug', p.slug, 'rules', p.rules, 'serviceIds', p."serviceIds",
                   'teamIds', p."teamIds", 'environmentIds', p."environmentIds", 'tiers', p.tiers) ORDER BY p.name)
              FROM "DeploymentPattern" p, s
             WHERE p."archivedAt" IS NULL
               AND (cardinality(p."serviceIds") = 0 OR s.id = ANY(p."serviceIds"))
               AND (cardinality(p."teamIds") = 0 OR s."teamId" = ANY(p."teamIds"))
               AND (cardinality(p."environmentIds") = 0 OR (SELECT id FROM e) = ANY(p."environmentIds"))
               AND (cardinality(p.tiers) = 0 OR s.tier = ANY(p.tiers::text[]))) AS patterns,${budgetColumns(p, "(SELECT id FROM s)", input.now)}`;
  }));
  return {
    service: row?.service ?? null,
    environment: row?.environment ?? null,
    freeze: row?.freeze ? { name: row.freeze.name, endsAt: utc(row.freeze.endsAt) } : null,
    approved: row?.approved ?? null,
    standard: row?.standard ?? null,
    patterns: row?.patterns ?? [],
    budget: decodeBudget(row, input.now),
  };
}

/**
 * The counts and recent outcomes the rules need, in one round trip: per window, finished and failed
 * deployments (index ranges on serviceId, environmentId, status, finishedAt), and the required-check
 * outcomes of the last `recent` successful deployments (a LIMIT on the history index).
 */
export async function readTrackRecord(
  tx: DbTx,
  input: { serviceId: string; environmentId: string; days: number[]; recent: number; now: Date },
): Promise<Pick<TrackRecord, "windows" | "recentChecks">> {
  const [row] = await runPrepared<{ windows: { days: number; finished: number; failed: number }[] | null; recent: ChecksOutcome[] | null }>(
    tx,
    preparedStatement("gate-read-track-record", (p) => {
      const service = `${p(input.serviceId)}::text`;
      const environment = `${p(input.environmentId)}::text`;
      // Window starts are computed here: UTC has no DST, so `now - days` is days × 24 h.
      const windows = input.days.map((days) => ({ days, since: new Date(input.now.getTime() - days * 86_400_000).toISOString() }));
      // One index-only range scan of the widest window, counted per window (the rows the per-window counts
      // would read). The window list and the LIMIT are written so that the planner cannot estimate them
      // from the values (a jsonb array, a sub-select): then the generic plan costs what a custom plan
      // costs and the server keeps it, instead of re-planning the statement (about 1 ms) on every request.
      return `
    WITH w AS (SELECT w.days, w.since AT TIME ZONE 'UTC' AS since FROM jsonb_to_recordset(${p(JSON.stringify(windows))}::jsonb) AS w(days int, since timestamptz)),
         d AS MATERIALIZED (
           -- A deployment failed if it failed, was rolled back, or a responder confirmed it caused an incident.
           SELECT d."finishedAt", d.status IN ('FAILED', 'ROLLED_BACK') OR EXISTS (SELECT 1 FROM "Incident" i WHERE i."causeDeploymentId" = d.id) AS failed
             FROM "Deployment" d
            WHERE d."serviceId" = ${service} AND d."environmentId" = ${environment}
              AND d.status IN ('SUCCEEDED', 'FAILED', 'ROLLED_BACK') AND d."finishedAt" >= (SELECT min(since) FROM w))
    SELECT
      (SELECT json_agg(json_build_object('days', w.days,
          'finished', (SELECT count(*) FROM d WHERE d."finishedAt" >= w.since),
          'failed', (SELECT count(*) FROM d WHERE d."finishedAt" >= w.since AND d.failed))) FROM w) AS windows,
      (SELECT json_agg(r."requiredChecksStatus") FROM (
         SELECT d."requiredChecksStatus" FROM "Deployment" d
          WHERE d."serviceId" = ${service} AND d."environmentId" = ${environment} AND d.status IN ('SUCCEEDED', 'ROLLED_BACK')
          ORDER BY d."startedAt" DESC LIMIT (SELECT ${p(input.recent)}::int)) r) AS recent`;
    }),
  );
  const windows: TrackRecord["windows"] = {};
  for (const window of row?.windows ?? []) windows[window.days] = { finished: Number(window.finished), failed: Number(window.failed) };
  return { windows, recentChecks: row?.recent ?? [] };
}

export type GateWrite = {
  serviceId: string;
  environmentId: string;
  version: string;
  outcome: "ALLOW" | "DENY";
  changeType: ChangeType | null;
  changeId: string | null;
  patternId: string | null;
  reasons: unknown;
  outcomeKey: string;
  plannedAt: Date;
  commitShas: string[];
  /** A standard change to record with the decision. */
  newStandard: { id: string; summary: string; serviceSlug: string; patternName: string } | null;
};

/**
 * Records the decision (once per version and outcome) and, for a first standard allow, the standard
 * change, with their audit events: one statement. Returns false when an equal decision already existed.
 */
export async function writeGateDecision(tx: DbTx, actor: Actor, write: GateWrite): Promise<boolean> {
  const gateId = randomUUID();
  const standard = write.newStandard;
  const rows = await runPrepared<{ id: string }>(tx, preparedStatement("gate-write-decision", (p) => {
    const service = `${p(write.serviceId)}::text`;
    const environment = `${p(write.environmentId)}::text`;
    const version = `${p(write.version)}::text`;
    const planned = `${p(write.plannedAt.toISOString())}::timestamptz AT TIME ZONE 'UTC'`;
    const shas = `${p(write.commitShas)}::text[]`;
    const patternId = `${p(write.patternId)}::text`;
    const reasons = `${p(JSON.stringify(write.reasons))}::jsonb`;
    const who = `${p(actorId(actor))}::text, ${p(actorLabel(actor))}::text, ${p(actor.kind)}::text`;
    const label = `${p(actorLabel(actor))}::text`;
    return `
    WITH g AS (
      INSERT INTO "GateDecision" (id, "serviceId", "environmentId", version, outcome, "changeType", "changeRequestId", "patternId", reasons,
                                  "outcomeKey", "plannedAt", "commitShas", "actorLabel")
      VALUES (${p(gateId)}::text, ${service}, ${environment}, ${version}, ${p(write.outcome)}::"GateOutcome",
              ${p(write.changeType)}::"ChangeType", ${p(write.changeId)}::text, ${patternId}, ${reasons},
              ${p(write.outcomeKey)}::text, ${planned}, ${shas}, ${label})
      ON CONFLICT ("serviceId", "environmentId", version, "outcomeKey") DO NOTHING
      RETURNING id
    ),
    c AS (
      INSERT INTO "ChangeRequest" (id, type, state, "serviceId", "environmentId", version, summary, "plannedStart", "commitShas", "patternId",
                                   "requesterLabel", "submittedAt", "decidedAt", "decisionReason", "updatedAt")
      SELECT ${p(standard?.id ?? null)}::text, 'STANDARD', 'APPROVED', ${service}, ${environment}, ${version}, ${p(standard?.summary ?? "")}::text,
             ${planned}, ${shas}, ${patternId}, ${label},
             now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', ${p(standard ? `Pre-approved by the pattern "${standard.patternName}".` : null)}::text,
             now() AT TIME ZONE 'UTC'
        FROM g WHERE ${p(standard !== null)}::boolean
      RETURNING id, number
    ),
    audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", "actorLabel", "actorKind", action, "entityType", "entityId", before, after)
      SELECT ${p(randomUUID())}::text, ${who}, 'change.gate-decision', 'GateDecision', g.id, NULL::jsonb,
             jsonb_build_object('service', ${p(standard?.serviceSlug ?? null)}::text, 'serviceId', ${service}, 'environmentId', ${environment},
                                'version', ${version}, 'outcome', ${p(write.outcome)}::text, 'changeRequestId', ${p(write.changeId)}::text,
                                'reasons', ${reasons})
        FROM g
      UNION ALL
      SELECT ${p(randomUUID())}::text, ${who}, 'change.standard-recorded', 'ChangeRequest', c.id, NULL::jsonb,
             jsonb_build_object('number', c.number, 'type', 'STANDARD', 'state', 'APPROVED', 'version', ${version},
                                'patternId', ${patternId}, 'gateDecisionId', ${p(gateId)}::text)
        FROM c
    )
    SELECT id FROM g`;
  }));
  return rows.length === 1;
}

/** The standard change an earlier equal decision recorded (a concurrent first request won). */
export async function standardChangeOf(tx: DbTx, where: { serviceId: string; environmentId: string; version: string; outcomeKey: string }) {
  const decision = await tx.gateDecision.findUnique({
    where: { serviceId_environmentId_version_outcomeKey: where },
    select: { changeRequest: { select: { id: true, number: true } } },
  });
  return decision?.changeRequest ?? null;
}
