// The deployment gate's reads and its one write. Every read is bounded and indexed: the gate answers
// hundreds of pipelines a second and must never scan a service's whole history.
import { randomUUID } from "node:crypto";
import { actorId, actorLabel, type Actor } from "../auth/actor";
import type { DbTx } from "../db";
import type { ChecksOutcome, TrackRecord } from "./eligibility";
import type { Tier } from "./pattern-rules";
import type { ChangeType } from "./state-machine";

/** Postgres `timestamp` (UTC, no zone) read through json_build_object: append the zone back. */
export const utc = (value: string) => new Date(value.endsWith("Z") ? value : `${value}Z`);

export type GateContext = {
  service: { id: string; slug: string; teamId: string; domainId: string | null; tier: Tier; archived: boolean } | null;
  environment: { id: string; isProduction: boolean } | null;
  freeze: { name: string; endsAt: Date } | null;
  approved: { id: string; type: ChangeType; number: number } | null;
  standard: { id: string; number: number } | null;
  patterns: { id: string; name: string; slug: string; rules: unknown; serviceIds: string[]; teamIds: string[]; environmentIds: string[]; tiers: Tier[] }[];
};

type Row = {
  service: (Omit<NonNullable<GateContext["service"]>, "domainId"> & { domainId: string | null }) | null;
  environment: GateContext["environment"];
  freeze: { name: string; endsAt: string } | null;
  approved: GateContext["approved"];
  standard: GateContext["standard"];
  patterns: GateContext["patterns"] | null;
};

/** One round trip: the service, environment, a freeze at the planned time, approved changes for the version, and the covering patterns. */
export async function readGateContext(tx: DbTx, input: { service: string; environment: string; version: string; plannedAt: Date }): Promise<GateContext> {
  const at = input.plannedAt.toISOString();
  const [row] = await tx.$queryRaw<Row[]>`
    WITH s AS (
      SELECT s.id, s.slug, s."teamId", t."domainId", s.tier::text AS tier, s."archivedAt" IS NOT NULL AS archived
        FROM "Service" s JOIN "Team" t ON t.id = s."teamId" WHERE s.slug = ${input.service}),
         e AS (SELECT id, "isProduction" FROM "Environment" WHERE slug = ${input.environment})
    SELECT (SELECT row_to_json(s) FROM s) AS service,
           (SELECT row_to_json(e) FROM e) AS environment,
           (SELECT json_build_object('name', f.name, 'endsAt', f."endsAt") FROM "FreezeWindow" f, s
             WHERE f."endsAt" > ${at}::timestamptz AT TIME ZONE 'UTC' AND f."startsAt" <= ${at}::timestamptz AT TIME ZONE 'UTC'
               AND (f.scope = 'ORGANISATION' OR f."serviceId" = s.id OR f."teamId" = s."teamId" OR f."domainId" = s."domainId")
             ORDER BY f."endsAt" DESC LIMIT 1) AS freeze,
           (SELECT json_build_object('id', c.id, 'type', c.type, 'number', c.number) FROM "ChangeRequest" c
             WHERE c."serviceId" = (SELECT id FROM s) AND c."environmentId" = (SELECT id FROM e) AND c.version = ${input.version}
               AND c.state IN ('APPROVED', 'IMPLEMENTED') AND c.type IN ('NORMAL', 'EMERGENCY')
             ORDER BY (c.type = 'EMERGENCY') DESC, c."createdAt" DESC LIMIT 1) AS approved,
           (SELECT json_build_object('id', c.id, 'number', c.number) FROM "ChangeRequest" c
             WHERE c."serviceId" = (SELECT id FROM s) AND c."environmentId" = (SELECT id FROM e) AND c.version = ${input.version}
               AND c.state IN ('APPROVED', 'IMPLEMENTED', 'CLOSED') AND c.type = 'STANDARD'
             ORDER BY c."createdAt" LIMIT 1) AS standard,
           (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'slug', p.slug, 'rules', p.rules, 'serviceIds', p."serviceIds",
                   'teamIds', p."teamIds", 'environmentIds', p."environmentIds", 'tiers', p.tiers) ORDER BY p.name)
              FROM "DeploymentPattern" p, s
             WHERE p."archivedAt" IS NULL
               AND (cardinality(p."serviceIds") = 0 OR s.id = ANY(p."serviceIds"))
               AND (cardinality(p."teamIds") = 0 OR s."teamId" = ANY(p."teamIds"))
               AND (cardinality(p."environmentIds") = 0 OR (SELECT id FROM e) = ANY(p."environmentIds"))
               AND (cardinality(p.tiers) = 0 OR s.tier = ANY(p.tiers::text[]))) AS patterns`;
  return {
    service: row?.service ?? null,
    environment: row?.environment ?? null,
    freeze: row?.freeze ? { name: row.freeze.name, endsAt: utc(row.freeze.endsAt) } : null,
    approved: row?.approved ?? null,
    standard: row?.standard ?? null,
    patterns: row?.patterns ?? [],
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
  const [row] = await tx.$queryRaw<{ windows: { days: number; finished: number; failed: number }[] | null; recent: ChecksOutcome[] | null }[]>`
    SELECT
      (SELECT json_agg(json_build_object('days', w.days,
          'finished', (SELECT count(*) FROM "Deployment" d WHERE d."serviceId" = ${input.serviceId} AND d."environmentId" = ${input.environmentId}
                         AND d.status IN ('SUCCEEDED', 'FAILED', 'ROLLED_BACK')
                         AND d."finishedAt" >= (${input.now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - make_interval(days => w.days)),
          'failed', (SELECT count(*) FROM "Deployment" d WHERE d."serviceId" = ${input.serviceId} AND d."environmentId" = ${input.environmentId}
                         AND d.status IN ('FAILED', 'ROLLED_BACK')
                         AND d."finishedAt" >= (${input.now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - make_interval(days => w.days))))
         FROM unnest(${input.days}::int[]) AS w(days)) AS windows,
      (SELECT json_agg(r."requiredChecksStatus") FROM (
         SELECT d."requiredChecksStatus" FROM "Deployment" d
          WHERE d."serviceId" = ${input.serviceId} AND d."environmentId" = ${input.environmentId} AND d.status IN ('SUCCEEDED', 'ROLLED_BACK')
          ORDER BY d."startedAt" DESC LIMIT ${input.recent}) r) AS recent`;
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
  const who = { id: actorId(actor), label: actorLabel(actor), kind: actor.kind };
  const gateId = randomUUID();
  const planned = write.plannedAt.toISOString();
  const standard = write.newStandard;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH g AS (
      INSERT INTO "GateDecision" (id, "serviceId", "environmentId", version, outcome, "changeType", "changeRequestId", "patternId", reasons,
                                  "outcomeKey", "plannedAt", "commitShas", "actorLabel")
      VALUES (${gateId}, ${write.serviceId}, ${write.environmentId}, ${write.version}, ${write.outcome}::"GateOutcome",
              ${write.changeType}::"ChangeType", ${write.changeId}, ${write.patternId}, ${JSON.stringify(write.reasons)}::jsonb,
              ${write.outcomeKey}, ${planned}::timestamptz AT TIME ZONE 'UTC', ${write.commitShas}::text[], ${who.label})
      ON CONFLICT ("serviceId", "environmentId", version, "outcomeKey") DO NOTHING
      RETURNING id
    ),
    c AS (
      INSERT INTO "ChangeRequest" (id, type, state, "serviceId", "environmentId", version, summary, "plannedStart", "commitShas", "patternId",
                                   "requesterLabel", "submittedAt", "decidedAt", "decisionReason", "updatedAt")
      SELECT ${standard?.id ?? null}, 'STANDARD', 'APPROVED', ${write.serviceId}, ${write.environmentId}, ${write.version}, ${standard?.summary ?? ""},
             ${planned}::timestamptz AT TIME ZONE 'UTC', ${write.commitShas}::text[], ${write.patternId}, ${who.label},
             now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC', ${standard ? `Pre-approved by the pattern "${standard.patternName}".` : null},
             now() AT TIME ZONE 'UTC'
        FROM g WHERE ${standard !== null}
      RETURNING id, number
    ),
    audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", "actorLabel", "actorKind", action, "entityType", "entityId", before, after)
      SELECT ${randomUUID()}, ${who.id}, ${who.label}, ${who.kind}, 'change.gate-decision', 'GateDecision', g.id, NULL::jsonb,
             jsonb_build_object('service', ${standard?.serviceSlug ?? null}::text, 'serviceId', ${write.serviceId}::text, 'environmentId', ${write.environmentId}::text,
                                'version', ${write.version}::text, 'outcome', ${write.outcome}::text, 'changeRequestId', ${write.changeId}::text,
                                'reasons', ${JSON.stringify(write.reasons)}::jsonb)
        FROM g
      UNION ALL
      SELECT ${randomUUID()}, ${who.id}, ${who.label}, ${who.kind}, 'change.standard-recorded', 'ChangeRequest', c.id, NULL::jsonb,
             jsonb_build_object('number', c.number, 'type', 'STANDARD', 'state', 'APPROVED', 'version', ${write.version}::text,
                                'patternId', ${write.patternId}::text, 'gateDecisionId', ${gateId}::text)
        FROM c
    )
    SELECT id FROM g`;
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
