// The two statements behind a deployment report. Prisma's interactive transactions cost several round
// trips each (about 250 tx/s on two cores), so a report is one read and one write statement; the write
// uses data-modifying CTEs, so the deployment, its commits and its audit events commit atomically.
// Both are named prepared statements (runPrepared): the server parses and plans them once per
// connection, and each report sends only its values.
import type { AuditAction } from "../audit/audit-actions";
import { actorId, actorLabel, type Actor } from "../auth/actor";
import { preparedStatement, runPrepared, type DbTx } from "../db";
import type { ChangeControlPlan, ChangeRef, WrittenIf } from "../changes/change-control-plan";
import { EVENT_STREAM_LOCK } from "../events/emit";
import { EVENT_SCHEMAS, type EventType } from "../events/catalogue";
import type { RequiredCheck } from "../changes/required-checks";
import type { DeploymentStatus } from "../generated/prisma/enums.ts";

export type IngestContext = {
  serviceId: string | null;
  serviceName: string | null;
  teamId: string | null;
  serviceArchived: boolean;
  environmentId: string | null;
  isProduction: boolean;
  existing: {
    id: string; status: DeploymentStatus; environmentId: string; version: string; finishedAt: string | null;
    requiredChecksStatus: string | null; hasHealthChecks: boolean;
  } | null;
  /** What runs in the environment now (latest success), and whether the reported version ran before it. */
  current: { id: string; version: string } | null;
  versionRanBeforeCurrent: boolean;
  /** Change control (lib/changes/change-control-plan.ts): the change already linked to this run, else
   * the newest approved change for this version, and the checks the service and its pattern require. */
  linkedChange: ChangeRef | null;
  approvedChange: ChangeRef | null;
  requiredChecks: RequiredCheck[];
};

export async function readIngestContext(
  tx: DbTx,
  input: { service: string; environment: string; externalId: string; version: string },
): Promise<IngestContext> {
  // One round trip: the service, the environment, the run if reported before, what runs in the
  // environment now (latest success), whether the reported version ran there before that, and what
  // change control needs (the run's change or the version's approved change, and required checks).
  const [row] = await runPrepared<{
    serviceId: string | null;
    serviceName: string | null;
    teamId: string | null;
    archived: boolean | null;
    environmentId: string | null;
    isProduction: boolean | null;
    existing: IngestContext["existing"];
    current: IngestContext["current"];
    ranBefore: boolean | null;
    changes: (ChangeRef & { linked: boolean })[] | null;
    required: RequiredCheck[] | null;
  }>(tx, preparedStatement("deployment-ingest-read", (p) => `
    WITH s AS (SELECT id, name, "teamId", "archivedAt" IS NOT NULL AS archived FROM "Service" WHERE slug = ${p(input.service)}::text),
         e AS (SELECT id, "isProduction" FROM "Environment" WHERE slug = ${p(input.environment)}::text),
         ex AS (SELECT d.* FROM "Deployment" d WHERE d."serviceId" = (SELECT id FROM s) AND d."externalId" = ${p(input.externalId)}::text),
         cur AS (
           -- Successes always have finishedAt, so DESC (nulls first) walks the index backwards without a sort.
           SELECT d.id, d.version, d."finishedAt" FROM "Deployment" d
            WHERE d."serviceId" = (SELECT id FROM s) AND d."environmentId" = (SELECT id FROM e) AND d.status = 'SUCCEEDED'
              AND d."finishedAt" IS NOT NULL
            ORDER BY d."finishedAt" DESC LIMIT 1),
         ch AS (
           SELECT c.id, c.number, c.state::text AS state, c."patternId", true AS linked
             FROM "ChangeRequest" c WHERE c.id = (SELECT "changeRequestId" FROM ex)
           UNION ALL
           (SELECT c.id, c.number, c.state::text, c."patternId", false
              FROM "ChangeRequest" c
             WHERE (SELECT "changeRequestId" FROM ex) IS NULL
               AND c."serviceId" = (SELECT id FROM s) AND c."environmentId" = (SELECT id FROM e)
               AND c.version = ${p(input.version)}::text AND c.state IN ('APPROVED', 'IMPLEMENTED')
             ORDER BY c."createdAt" DESC LIMIT 1)),
         req AS (
           SELECT name, min("deadlineMinutes") AS "deadlineMinutes" FROM "RequiredHealthCheck"
            WHERE "serviceId" = (SELECT id FROM s) OR "patternId" = (SELECT "patternId" FROM ch)
            GROUP BY name)
    SELECT (SELECT id FROM s) AS "serviceId",
           (SELECT name FROM s) AS "serviceName",
           (SELECT "teamId" FROM s) AS "teamId",
           (SELECT archived FROM s) AS archived,
           (SELECT id FROM e) AS "environmentId",
           (SELECT "isProduction" FROM e) AS "isProduction",
           (SELECT json_build_object('id', ex.id, 'status', ex.status, 'environmentId', ex."environmentId", 'version', ex.version,
                                     'finishedAt', to_char(ex."finishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                     'requiredChecksStatus', ex."requiredChecksStatus",
                                     'hasHealthChecks', EXISTS (SELECT 1 FROM "DeploymentHealthCheck" h WHERE h."deploymentId" = ex.id))
              FROM ex) AS existing,
           (SELECT json_build_object('id', id, 'version', version) FROM cur) AS current,
           (SELECT EXISTS (
              SELECT 1 FROM "Deployment" d, cur
               WHERE d."serviceId" = (SELECT id FROM s) AND d."environmentId" = (SELECT id FROM e)
                 AND d.status IN ('SUCCEEDED', 'ROLLED_BACK') AND d.version = ${p(input.version)}::text AND cur.version <> ${p(input.version)}::text
                 AND d."finishedAt" < cur."finishedAt")) AS "ranBefore",
           (SELECT json_agg(ch) FROM ch) AS changes,
           (SELECT json_agg(req) FROM req) AS required`));
  const current = row?.current ?? null;
  const versionRanBeforeCurrent = row?.ranBefore ?? false;
  const changes = row?.changes ?? [];
  const change = (linked: boolean) => {
    const found = changes.find((candidate) => candidate.linked === linked);
    return found ? { id: found.id, number: found.number, state: found.state, patternId: found.patternId } : null;
  };
  return {
    serviceId: row?.serviceId ?? null,
    serviceName: row?.serviceName ?? null,
    teamId: row?.teamId ?? null,
    serviceArchived: row?.archived ?? false,
    environmentId: row?.environmentId ?? null,
    isProduction: row?.isProduction ?? false,
    existing: row?.existing ?? null,
    current: current ? { id: current.id, version: current.version } : null,
    versionRanBeforeCurrent,
    linkedChange: change(true),
    approvedChange: change(false),
    requiredChecks: row?.required ?? [],
  };
}

export type IngestWrite = {
  id: string;
  serviceId: string;
  environmentId: string;
  version: string;
  externalId: string;
  status: DeploymentStatus;
  /** The status the row must still have (null: it must not exist yet); guards against concurrent reports. */
  expectedStatus: DeploymentStatus | null;
  startedAt: string;
  finishedAt: string | null;
  pipelineUrl: string | null;
  deployer: string | null;
  firstCommitAt: string | null;
  replacesId: string | null;
  isRollback: boolean;
  commits: { sha: string; committedAt: string; message: string | null; author: string | null }[];
  audit: { action: AuditAction; before: unknown; after: unknown };
  /** A rollback puts the deployment it reverts into ROLLED_BACK, with its own audit event. */
  revert: { id: string; before: unknown; after: unknown } | null;
  /** Domain events (lib/events/catalogue.ts) for the subscribers: production deployments and flags. */
  domainEvents: PlannedDomainEvent[];
  teamId: string;
  /** The outcome hypothesis a production release ships (resolved and checked before), linked once. */
  hypothesisId: string | null;
  /** What the report means for change control, applied by the same statement. */
  control: ChangeControlPlan;
};

/** A domain event the statement emits when the part it names happened. */
export type PlannedDomainEvent = { type: EventType; entityType: string; entityId: string; payload: unknown; if: WrittenIf | "reverted" };

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));


type Event = { action: AuditAction; entityType: string; entityId: string; before?: unknown; after?: unknown; if: "deployment" | "reverted" | "flag" | "change" | "hypothesis" };

/**
 * Upserts the deployment, its commits, change control (link, flag, required-checks clock, the change's
 * move), every audit event and every domain event in one statement; false when a concurrent report won.
 * Audit and domain events are arrays with an `if` naming the part of the statement they record, so each is
 * written only when that part wrote something.
 */
export async function writeDeployment(tx: DbTx, actor: Actor, write: IngestWrite): Promise<boolean> {
  const who = { id: actorId(actor), label: actorLabel(actor), kind: actor.kind };
  const { control } = write;
  const commits = write.commits;
  const events: Event[] = [
    { entityType: "Deployment", entityId: write.id, ...write.audit, if: "deployment" },
    ...(write.revert ? [{ action: "deployment.rolled-back" as const, entityType: "Deployment", entityId: write.revert.id, before: write.revert.before, after: write.revert.after, if: "reverted" as const }] : []),
    ...control.events,
    ...(write.hypothesisId ? [{ action: "hypothesis.link-deployment" as const, entityType: "Hypothesis", entityId: write.hypothesisId, after: { deploymentId: write.id, via: "report" }, if: "hypothesis" as const }] : []),
  ];
  // Parsed here as emitEvent would (lib/events/emit.ts): a malformed payload fails before the write.
  const domainEvents = write.domainEvents.map((e) => ({ ...e, payload: JSON.stringify(EVENT_SCHEMAS[e.type].parse(e.payload)) }));
  const move = control.move;
  const at = (date: Date | null) => date?.toISOString() ?? null;
  const rows = await runPrepared<{ id: string }>(tx, preparedStatement("deployment-ingest-write", (p) => `
    WITH upsert AS (
      INSERT INTO "Deployment" (id, "serviceId", "environmentId", version, "externalId", status, "startedAt", "finishedAt",
                                "pipelineUrl", deployer, "firstCommitAt", "replacesId", "isRollback", "changeRequestId",
                                "requiredChecksStatus", "requiredChecksDueAt", "updatedAt")
      VALUES (${p(write.id)}::text, ${p(write.serviceId)}::text, ${p(write.environmentId)}::text, ${p(write.version)}::text, ${p(write.externalId)}::text,
              ${p(write.status)}::"DeploymentStatus",
              ${p(write.startedAt)}::timestamptz AT TIME ZONE 'UTC', ${p(write.finishedAt)}::timestamptz AT TIME ZONE 'UTC',
              ${p(write.pipelineUrl)}::text, ${p(write.deployer)}::text, ${p(write.firstCommitAt)}::timestamptz AT TIME ZONE 'UTC',
              ${p(write.replacesId)}::text, ${p(write.isRollback)}::boolean, ${p(control.linkChangeId)}::text,
              ${p(control.requiredChecks ? "PENDING" : null)}::"RequiredChecksStatus", ${p(at(control.requiredChecks?.dueAt ?? null))}::timestamptz AT TIME ZONE 'UTC',
              now() AT TIME ZONE 'UTC')
      ON CONFLICT ("serviceId", "externalId") DO UPDATE SET
        status = EXCLUDED.status,
        "finishedAt" = COALESCE(EXCLUDED."finishedAt", "Deployment"."finishedAt"),
        "pipelineUrl" = COALESCE(EXCLUDED."pipelineUrl", "Deployment"."pipelineUrl"),
        deployer = COALESCE(EXCLUDED.deployer, "Deployment".deployer),
        "firstCommitAt" = LEAST(EXCLUDED."firstCommitAt", "Deployment"."firstCommitAt"),
        "replacesId" = COALESCE("Deployment"."replacesId", EXCLUDED."replacesId"),
        "isRollback" = "Deployment"."isRollback" OR EXCLUDED."isRollback",
        "changeRequestId" = COALESCE("Deployment"."changeRequestId", EXCLUDED."changeRequestId"),
        "requiredChecksStatus" = COALESCE("Deployment"."requiredChecksStatus", EXCLUDED."requiredChecksStatus"),
        "requiredChecksDueAt" = CASE WHEN "Deployment"."requiredChecksStatus" IS NULL THEN EXCLUDED."requiredChecksDueAt" ELSE "Deployment"."requiredChecksDueAt" END,
        "updatedAt" = EXCLUDED."updatedAt"
      -- A first report (expected status null) never overwrites: NULL = anything is not true.
      WHERE "Deployment".status = ${p(write.expectedStatus)}::"DeploymentStatus"
      RETURNING id
    ),
    commits AS (
      INSERT INTO "DeploymentCommit" ("deploymentId", sha, "committedAt", message, author)
      SELECT upsert.id, c.sha, c.at AT TIME ZONE 'UTC', c.message, c.author
        FROM upsert, unnest(${p(commits.map((c) => c.sha))}::text[], ${p(commits.map((c) => c.committedAt))}::timestamptz[],
                            ${p(commits.map((c) => c.message))}::text[], ${p(commits.map((c) => c.author))}::text[])
             AS c(sha, at, message, author)
      ON CONFLICT DO NOTHING
    ),
    reverted AS (
      UPDATE "Deployment" SET status = 'ROLLED_BACK', "updatedAt" = now() AT TIME ZONE 'UTC'
       WHERE id = ${p(write.revert?.id ?? null)}::text AND status = 'SUCCEEDED' AND EXISTS (SELECT 1 FROM upsert)
      RETURNING id
    ),
    flagged AS (
      INSERT INTO "DeploymentFlag" (id, "deploymentId", kind, message)
      SELECT gen_random_uuid()::text, upsert.id, ${p(control.flag?.kind ?? null)}::"DeploymentFlagKind", ${p(control.flag?.message ?? null)}::text
        FROM upsert WHERE ${p(control.flag?.kind ?? null)}::text IS NOT NULL
      ON CONFLICT ("deploymentId", kind) DO NOTHING
      RETURNING id
    ),
    moved AS (
      -- Guarded by the state read before: a concurrent decision on the change wins, and nothing is recorded.
      UPDATE "ChangeRequest" SET state = ${p(move?.to ?? null)}::"ChangeState",
             "implementedAt" = COALESCE(${p(at(move?.implementedAt ?? null))}::timestamptz AT TIME ZONE 'UTC', "implementedAt"),
             "closedAt" = COALESCE(${p(at(move?.closedAt ?? null))}::timestamptz AT TIME ZONE 'UTC', "closedAt"),
             "failureReason" = COALESCE(${p(move?.failureReason ?? null)}::text, "failureReason"),
             "updatedAt" = now() AT TIME ZONE 'UTC'
       WHERE id = ${p(move?.changeId ?? null)}::text AND state = ${p(move?.from ?? null)}::"ChangeState" AND EXISTS (SELECT 1 FROM upsert)
      RETURNING id
    ),
    shipped AS (
      INSERT INTO "HypothesisDeployment" ("hypothesisId", "deploymentId", "linkedAt")
      SELECT ${p(write.hypothesisId)}::text, upsert.id, now() AT TIME ZONE 'UTC' FROM upsert WHERE ${p(write.hypothesisId)}::text IS NOT NULL
      ON CONFLICT DO NOTHING
      RETURNING "hypothesisId"
    ),
    happened AS (
      SELECT 'deployment' AS part FROM upsert UNION ALL SELECT 'reverted' FROM reverted
      UNION ALL SELECT 'flag' FROM flagged UNION ALL SELECT 'change' FROM moved UNION ALL SELECT 'hypothesis' FROM shipped
    ),
    emitted AS (
      -- The outbox (lib/events/emit.ts): the shared stream lock keeps the dispatcher's horizon exact.
      INSERT INTO "DomainEvent" (id, type, "entityType", "entityId", "serviceId", "teamId", payload, "occurredAt")
      SELECT gen_random_uuid()::text, d.type, d.etype, d.entity, ${p(write.serviceId)}::text, ${p(write.teamId)}::text, d.payload::jsonb, now() AT TIME ZONE 'UTC'
        FROM unnest(${p(domainEvents.map((e) => e.type))}::text[], ${p(domainEvents.map((e) => e.entityType))}::text[], ${p(domainEvents.map((e) => e.entityId))}::text[],
                    ${p(domainEvents.map((e) => e.payload))}::text[], ${p(domainEvents.map((e) => e.if))}::text[]) AS d(type, etype, entity, payload, part)
        JOIN happened ON happened.part = d.part
        CROSS JOIN (SELECT pg_advisory_xact_lock_shared(${EVENT_STREAM_LOCK.toString()}), pg_notify('runwell_domain_events', '')) AS stream_lock
    ),
    audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", "actorLabel", "actorKind", action, "entityType", "entityId", before, after)
      SELECT gen_random_uuid()::text, ${p(who.id)}::text, ${p(who.label)}::text, ${p(who.kind)}::text, a.action, a.type, a.entity, a.before::jsonb, a.after::jsonb
        FROM unnest(${p(events.map((e) => e.action))}::text[], ${p(events.map((e) => e.entityType))}::text[], ${p(events.map((e) => e.entityId))}::text[],
                    ${p(events.map((e) => json(e.before)))}::text[], ${p(events.map((e) => json(e.after)))}::text[], ${p(events.map((e) => e.if))}::text[])
             AS a(action, type, entity, before, after, part)
        JOIN happened ON happened.part = a.part
    )
    SELECT id FROM upsert`));
  return rows.length === 1;
}
