// The two statements behind a deployment report. Prisma's interactive transactions cost several round
// trips each (about 250 tx/s on two cores), so a report is one read and one write statement; the write
// uses data-modifying CTEs, so the deployment, its commits and its audit events commit atomically.
// Both are named prepared statements (runPrepared): the server parses and plans them once per
// connection, and each report sends only its values.
import { randomUUID } from "node:crypto";
import { actorId, actorLabel, type Actor } from "../auth/actor";
import { runPrepared, type DbTx, type PreparedStatement } from "../db";
import type { DeploymentStatus } from "../generated/prisma/enums.ts";

export type IngestContext = {
  serviceId: string | null;
  serviceArchived: boolean;
  environmentId: string | null;
  isProduction: boolean;
  existing: { id: string; status: DeploymentStatus; environmentId: string; version: string } | null;
  /** What runs in the environment now (latest success), and whether the reported version ran before it. */
  current: { id: string; version: string } | null;
  versionRanBeforeCurrent: boolean;
};

export async function readIngestContext(
  tx: DbTx,
  input: { service: string; environment: string; externalId: string; version: string },
): Promise<IngestContext> {
  // One round trip: the service, the environment, the run if reported before, what runs in the
  // environment now (latest success), and whether the reported version ran there before that.
  const [row] = await runPrepared<{
    serviceId: string | null;
    archived: boolean | null;
    environmentId: string | null;
    isProduction: boolean | null;
    existing: IngestContext["existing"];
    current: IngestContext["current"];
    ranBefore: boolean | null;
  }>(tx, statement("deployment-ingest-read", (p) => `
    WITH s AS (SELECT id, "archivedAt" IS NOT NULL AS archived FROM "Service" WHERE slug = ${p(input.service)}::text),
         e AS (SELECT id, "isProduction" FROM "Environment" WHERE slug = ${p(input.environment)}::text),
         cur AS (
           -- Successes always have finishedAt, so DESC (nulls first) walks the index backwards without a sort.
           SELECT d.id, d.version, d."finishedAt" FROM "Deployment" d
            WHERE d."serviceId" = (SELECT id FROM s) AND d."environmentId" = (SELECT id FROM e) AND d.status = 'SUCCEEDED'
              AND d."finishedAt" IS NOT NULL
            ORDER BY d."finishedAt" DESC LIMIT 1)
    SELECT (SELECT id FROM s) AS "serviceId",
           (SELECT archived FROM s) AS archived,
           (SELECT id FROM e) AS "environmentId",
           (SELECT "isProduction" FROM e) AS "isProduction",
           (SELECT json_build_object('id', d.id, 'status', d.status, 'environmentId', d."environmentId", 'version', d.version)
              FROM "Deployment" d WHERE d."serviceId" = (SELECT id FROM s) AND d."externalId" = ${p(input.externalId)}::text) AS existing,
           (SELECT json_build_object('id', id, 'version', version) FROM cur) AS current,
           (SELECT EXISTS (
              SELECT 1 FROM "Deployment" d, cur
               WHERE d."serviceId" = (SELECT id FROM s) AND d."environmentId" = (SELECT id FROM e)
                 AND d.status IN ('SUCCEEDED', 'ROLLED_BACK') AND d.version = ${p(input.version)}::text AND cur.version <> ${p(input.version)}::text
                 AND d."finishedAt" < cur."finishedAt")) AS "ranBefore"`));
  const current = row?.current ?? null;
  const versionRanBeforeCurrent = row?.ranBefore ?? false;
  return {
    serviceId: row?.serviceId ?? null,
    serviceArchived: row?.archived ?? false,
    environmentId: row?.environmentId ?? null,
    isProduction: row?.isProduction ?? false,
    existing: row?.existing ?? null,
    current: current ? { id: current.id, version: current.version } : null,
    versionRanBeforeCurrent,
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
  audit: { action: string; before: unknown; after: unknown };
  /** A rollback puts the deployment it reverts into ROLLED_BACK, with its own audit event. */
  revert: { id: string; before: unknown; after: unknown } | null;
  /** Production deployments and their results are announced to every change manager, in-app. */
  notify: { title: string; body: string; href: string } | null;
};

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/** Builds a prepared statement: `p(value)` appends a value and returns its placeholder ($1, $2, ...). */
function statement(name: string, build: (p: (value: unknown) => string) => string): PreparedStatement {
  const values: unknown[] = [];
  const text = build((value) => {
    values.push(value);
    return `$${values.length}`;
  });
  return { name, text, values };
}

/** Upserts the deployment, its commits and audit events in one statement; false when a concurrent report won. */
export async function writeDeployment(tx: DbTx, actor: Actor, write: IngestWrite): Promise<boolean> {
  const who = { id: actorId(actor), label: actorLabel(actor), kind: actor.kind };
  const shas = write.commits.map((commit) => commit.sha);
  const committedAts = write.commits.map((commit) => commit.committedAt);
  const messages = write.commits.map((commit) => commit.message);
  const authors = write.commits.map((commit) => commit.author);
  const revertId = write.revert?.id ?? null;
  const rows = await runPrepared<{ id: string }>(tx, statement("deployment-ingest-write", (p) => `
    WITH upsert AS (
      INSERT INTO "Deployment" (id, "serviceId", "environmentId", version, "externalId", status, "startedAt", "finishedAt",
                                "pipelineUrl", deployer, "firstCommitAt", "replacesId", "isRollback", "updatedAt")
      VALUES (${p(write.id)}::text, ${p(write.serviceId)}::text, ${p(write.environmentId)}::text, ${p(write.version)}::text, ${p(write.externalId)}::text,
              ${p(write.status)}::"DeploymentStatus",
              ${p(write.startedAt)}::timestamptz AT TIME ZONE 'UTC', ${p(write.finishedAt)}::timestamptz AT TIME ZONE 'UTC',
              ${p(write.pipelineUrl)}::text, ${p(write.deployer)}::text, ${p(write.firstCommitAt)}::timestamptz AT TIME ZONE 'UTC',
              ${p(write.replacesId)}::text, ${p(write.isRollback)}::boolean, now() AT TIME ZONE 'UTC')
      ON CONFLICT ("serviceId", "externalId") DO UPDATE SET
        status = EXCLUDED.status,
        "finishedAt" = COALESCE(EXCLUDED."finishedAt", "Deployment"."finishedAt"),
        "pipelineUrl" = COALESCE(EXCLUDED."pipelineUrl", "Deployment"."pipelineUrl"),
        deployer = COALESCE(EXCLUDED.deployer, "Deployment".deployer),
        "firstCommitAt" = LEAST(EXCLUDED."firstCommitAt", "Deployment"."firstCommitAt"),
        "replacesId" = COALESCE("Deployment"."replacesId", EXCLUDED."replacesId"),
        "isRollback" = "Deployment"."isRollback" OR EXCLUDED."isRollback",
        "updatedAt" = EXCLUDED."updatedAt"
      -- A first report (expected status null) never overwrites: NULL = anything is not true.
      WHERE "Deployment".status = ${p(write.expectedStatus)}::"DeploymentStatus"
      RETURNING id
    ),
    commits AS (
      INSERT INTO "DeploymentCommit" ("deploymentId", sha, "committedAt", message, author)
      SELECT upsert.id, c.sha, c.at AT TIME ZONE 'UTC', c.message, c.author
        FROM upsert, unnest(${p(shas)}::text[], ${p(committedAts)}::timestamptz[], ${p(messages)}::text[], ${p(authors)}::text[])
             AS c(sha, at, message, author)
      ON CONFLICT DO NOTHING
    ),
    reverted AS (
      UPDATE "Deployment" SET status = 'ROLLED_BACK', "updatedAt" = now() AT TIME ZONE 'UTC'
       WHERE id = ${p(revertId)}::text AND status = 'SUCCEEDED' AND EXISTS (SELECT 1 FROM upsert)
      RETURNING id
    ),
    notified AS (
      INSERT INTO "Notification" (id, "personId", kind, title, body, href)
      SELECT gen_random_uuid()::text, p.id, 'deployment.production', ${p(write.notify?.title ?? "")}::text, ${p(write.notify?.body ?? "")}::text,
             ${p(write.notify?.href ?? null)}::text
        FROM upsert, "Person" p
       WHERE ${p(write.notify !== null)}::boolean AND p.role = 'CHANGE_MANAGER' AND p."deactivatedAt" IS NULL
    ),
    audit AS (
      INSERT INTO "AuditEvent" (id, "actorId", "actorLabel", "actorKind", action, "entityType", "entityId", before, after)
      SELECT ${p(randomUUID())}::text, ${p(who.id)}::text, ${p(who.label)}::text, ${p(who.kind)}::text, ${p(write.audit.action)}::text, 'Deployment', upsert.id,
             ${p(json(write.audit.before))}::jsonb, ${p(json(write.audit.after))}::jsonb
        FROM upsert
      UNION ALL
      SELECT ${p(randomUUID())}::text, ${p(who.id)}::text, ${p(who.label)}::text, ${p(who.kind)}::text, 'deployment.rolled-back', 'Deployment', reverted.id,
             ${p(json(write.revert?.before))}::jsonb, ${p(json(write.revert?.after))}::jsonb
        FROM reverted
    )
    SELECT id FROM upsert`));
  return rows.length === 1;
}
