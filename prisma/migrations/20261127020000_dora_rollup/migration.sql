-- CreateTable
CREATE TABLE "AuditChainCheck" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ok" BOOLEAN NOT NULL,
    "throughSeq" BIGINT,
    "throughHash" TEXT,
    "checked" INTEGER NOT NULL,
    "firstBrokenEventId" TEXT,
    "actorLabel" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditChainCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentDayRollup" (
    "environmentId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "live" INTEGER NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "leadTimesMs" DOUBLE PRECISION[],
    "endMs" DOUBLE PRECISION[],
    "startMs" DOUBLE PRECISION[],
    "failed" BOOLEAN[],
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeploymentDayRollup_pkey" PRIMARY KEY ("environmentId","day","serviceId")
);

-- CreateIndex
CREATE INDEX "AuditChainCheck_finishedAt_idx" ON "AuditChainCheck"("finishedAt");

-- CreateIndex
CREATE INDEX "AuditChainCheck_ok_finishedAt_idx" ON "AuditChainCheck"("ok", "finishedAt");

-- CreateIndex
CREATE INDEX "DeploymentDayRollup_serviceId_environmentId_day_idx" ON "DeploymentDayRollup"("serviceId", "environmentId", "day");


-- Hand-written: the DORA rollup's maintenance (Prisma cannot express triggers or expression indexes).
-- Bodies are escape strings with every semicolon written as \x3B: the WASM migration engine splits on
-- semicolons. Readable copies of both bodies: docs/PERFORMANCE.md, section Deployments.

-- A deployment counts on the UTC day it ended (finishedAt, or startedAt while it runs): these indexes
-- serve the rollup refresh (an equality on service, environment and day, so a few keys are index
-- probes and a million keys can be a hash join) and the organisation's edge days.
CREATE INDEX "rw_manual_deployment_service_env_day" ON "Deployment" ("serviceId", "environmentId", ((COALESCE("finishedAt", "startedAt"))::date));
CREATE INDEX "rw_manual_deployment_env_end" ON "Deployment" ("environmentId", (COALESCE("finishedAt", "startedAt")));

-- Recomputes the rollup rows of the given (environment, service, day) keys from Deployment. It first
-- locks each row (creating it if needed) in key order, then recomputes in a new statement, whose fresh
-- snapshot (READ COMMITTED) includes every transaction that held the lock before: concurrent writers
-- of one service-day queue for a moment instead of overwriting each other's counts.
CREATE FUNCTION runwell_refresh_deployment_days(p_env text[], p_svc text[], p_day date[]) RETURNS void
LANGUAGE plpgsql AS E'
BEGIN
  INSERT INTO "DeploymentDayRollup" ("environmentId", "serviceId", day, "leadTimesMs", "endMs", "startMs", failed)
  SELECT DISTINCT k.env, k.svc, k.day, \'{}\'::float8[], \'{}\'::float8[], \'{}\'::float8[], \'{}\'::boolean[]
    FROM unnest(p_env, p_svc, p_day) AS k(env, svc, day)
   ORDER BY 1, 3, 2
  ON CONFLICT ("environmentId", day, "serviceId") DO UPDATE SET "refreshedAt" = now()\x3B
  UPDATE "DeploymentDayRollup" r
     SET live = a.live, finished = a.finished, failures = a.failures, "leadTimesMs" = a.leads,
         "endMs" = a.ends, "startMs" = a.starts, failed = a.failed, "refreshedAt" = now()
    FROM (
      SELECT k.env, k.svc, k.day,
             count(d.id) FILTER (WHERE d.status IN (\'SUCCEEDED\', \'ROLLED_BACK\'))::int AS live,
             count(d.id) FILTER (WHERE d.status <> \'STARTED\')::int AS finished,
             count(d.id) FILTER (WHERE d.status IN (\'FAILED\', \'ROLLED_BACK\'))::int AS failures,
             COALESCE(array_agg(GREATEST(0, extract(epoch FROM d."finishedAt" - d."firstCommitAt") * 1000)::float8
                                ORDER BY GREATEST(0, extract(epoch FROM d."finishedAt" - d."firstCommitAt")))
                        FILTER (WHERE d.status IN (\'SUCCEEDED\', \'ROLLED_BACK\') AND d."finishedAt" IS NOT NULL AND d."firstCommitAt" IS NOT NULL),
                      \'{}\') AS leads,
             COALESCE(array_agg((extract(epoch FROM COALESCE(d."finishedAt", d."startedAt")) * 1000)::float8
                                ORDER BY COALESCE(d."finishedAt", d."startedAt"), d."startedAt", d.id) FILTER (WHERE d.status <> \'STARTED\'), \'{}\') AS ends,
             COALESCE(array_agg((extract(epoch FROM d."startedAt") * 1000)::float8
                                ORDER BY COALESCE(d."finishedAt", d."startedAt"), d."startedAt", d.id) FILTER (WHERE d.status <> \'STARTED\'), \'{}\') AS starts,
             COALESCE(array_agg(d.status IN (\'FAILED\', \'ROLLED_BACK\')
                                ORDER BY COALESCE(d."finishedAt", d."startedAt"), d."startedAt", d.id) FILTER (WHERE d.status <> \'STARTED\'), \'{}\') AS failed
        FROM (SELECT DISTINCT env, svc, day FROM unnest(p_env, p_svc, p_day) AS u(env, svc, day)) k
        LEFT JOIN "Deployment" d
          ON d."serviceId" = k.svc AND d."environmentId" = k.env
         AND (COALESCE(d."finishedAt", d."startedAt"))::date = k.day
       GROUP BY k.env, k.svc, k.day
    ) a
   WHERE r."environmentId" = a.env AND r."serviceId" = a.svc AND r.day = a.day\x3B
END\x3B
';

-- Statement-level: one refresh per statement for all the rows it touched (a bulk insert of a million
-- deployments is one set-based refresh, not a million).
CREATE FUNCTION runwell_deployment_rollup_trigger() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  e text[]\x3B
  s text[]\x3B
  d date[]\x3B
BEGIN
  IF TG_OP = \'INSERT\' THEN
    SELECT array_agg("environmentId"), array_agg("serviceId"), array_agg(COALESCE("finishedAt", "startedAt")::date) INTO e, s, d FROM new_rows\x3B
  ELSIF TG_OP = \'DELETE\' THEN
    SELECT array_agg("environmentId"), array_agg("serviceId"), array_agg(COALESCE("finishedAt", "startedAt")::date) INTO e, s, d FROM old_rows\x3B
  ELSE
    SELECT array_agg(env), array_agg(svc), array_agg(day) INTO e, s, d FROM (
      SELECT "environmentId" AS env, "serviceId" AS svc, COALESCE("finishedAt", "startedAt")::date AS day FROM new_rows
      UNION
      SELECT "environmentId", "serviceId", COALESCE("finishedAt", "startedAt")::date FROM old_rows) changed\x3B
  END IF\x3B
  IF e IS NOT NULL THEN
    PERFORM runwell_refresh_deployment_days(e, s, d)\x3B
  END IF\x3B
  RETURN NULL\x3B
END\x3B
';

CREATE TRIGGER "Deployment_rollup_insert" AFTER INSERT ON "Deployment"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION runwell_deployment_rollup_trigger();
CREATE TRIGGER "Deployment_rollup_update" AFTER UPDATE ON "Deployment"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION runwell_deployment_rollup_trigger();
CREATE TRIGGER "Deployment_rollup_delete" AFTER DELETE ON "Deployment"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION runwell_deployment_rollup_trigger();

-- Backfill from the deployments that exist already.
SELECT runwell_refresh_deployment_days(array_agg("environmentId"), array_agg("serviceId"), array_agg(COALESCE("finishedAt", "startedAt")::date))
  FROM "Deployment";
