-- The daily DORA rollup (20261127020000_dora_rollup) is removed: its statement triggers serialised
-- concurrent deployment reports (each report waited for the rollup row's lock and a recompute, ingest
-- fell to 52/s) and halved even a raw client's write rate, while its read, which unnested per-day
-- arrays, was no faster than reading the deployments. DORA is read from Deployment again, through the
-- covering index below, the organisation and domain pages serve a periodically refreshed snapshot
-- (lib/deployments/metrics-snapshot.ts).
DROP TRIGGER IF EXISTS "Deployment_rollup_insert" ON "Deployment";
DROP TRIGGER IF EXISTS "Deployment_rollup_update" ON "Deployment";
DROP TRIGGER IF EXISTS "Deployment_rollup_delete" ON "Deployment";
DROP FUNCTION IF EXISTS runwell_deployment_rollup_trigger();
DROP FUNCTION IF EXISTS runwell_refresh_deployment_days(text[], text[], date[]);
DROP INDEX IF EXISTS "rw_manual_deployment_service_env_day";
DROP INDEX IF EXISTS "rw_manual_deployment_env_end";
DROP TABLE "DeploymentDayRollup";

-- Hand-written (Prisma cannot express expression indexes or INCLUDE): the DORA read of a period is an
-- index-only scan over finished deployments by environment and end time, carrying every column it needs.
CREATE INDEX "rw_manual_deployment_dora" ON "Deployment" ("environmentId", (COALESCE("finishedAt", "startedAt")))
  INCLUDE ("serviceId", status, "finishedAt", "startedAt", "firstCommitAt") WHERE status <> 'STARTED';

-- Rollback detection at ingest looks a version up in a service's environment: without this index it
-- walked the service's whole history in that environment on every report.
CREATE INDEX "Deployment_serviceId_environmentId_version_idx" ON "Deployment"("serviceId", "environmentId", "version");

-- The deployments page without filters lists the organisation's newest 100: without this index a
-- million-row history was sorted on every view.
CREATE INDEX "Deployment_startedAt_id_idx" ON "Deployment"("startedAt", "id");
