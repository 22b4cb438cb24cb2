-- CreateTable
CREATE TABLE "Runbook" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" TEXT[],
    "alertNames" TEXT[],
    "revision" INTEGER NOT NULL DEFAULT 1,
    "reviewIntervalDays" INTEGER NOT NULL DEFAULT 90,
    "ownerId" TEXT,
    "lastReviewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastReviewedById" TEXT,
    "searchVector" tsvector,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Runbook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookRevision" (
    "id" TEXT NOT NULL,
    "runbookId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" TEXT[],
    "alertNames" TEXT[],
    "summary" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "restoredFromNumber" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RunbookRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RunbookTemplate" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "tags" TEXT[],
    "isStarter" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RunbookTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Runbook_ownerId_idx" ON "Runbook"("ownerId");

-- CreateIndex
CREATE INDEX "Runbook_lastReviewedAt_idx" ON "Runbook"("lastReviewedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Runbook_serviceId_slug_key" ON "Runbook"("serviceId", "slug");

-- CreateIndex
CREATE INDEX "RunbookRevision_authorId_idx" ON "RunbookRevision"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookRevision_runbookId_number_key" ON "RunbookRevision"("runbookId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "RunbookTemplate_slug_key" ON "RunbookTemplate"("slug");

-- AddForeignKey
ALTER TABLE "Runbook" ADD CONSTRAINT "Runbook_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Runbook" ADD CONSTRAINT "Runbook_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RunbookRevision" ADD CONSTRAINT "RunbookRevision_runbookId_fkey" FOREIGN KEY ("runbookId") REFERENCES "Runbook"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: Prisma cannot express these. The weighted search vector is trigger-maintained
-- (array_to_string is not immutable, so a generated column cannot flatten tags and alert names).
-- Title weighs most (A), then tags and alert names (B), then the body (C).
CREATE FUNCTION runbook_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector(\'english\', coalesce(NEW."title", \'\')), \'A\') ||
    setweight(to_tsvector(\'english\', array_to_string(NEW."tags", \' \') || \' \' || array_to_string(NEW."alertNames", \' \')), \'B\') ||
    setweight(to_tsvector(\'english\', coalesce(NEW."body", \'\')), \'C\')\x3B
  RETURN NEW\x3B
END\x3B
';

CREATE TRIGGER "Runbook_search_vector" BEFORE INSERT OR UPDATE OF "title", "body", "tags", "alertNames" ON "Runbook"
FOR EACH ROW EXECUTE FUNCTION runbook_search_vector_update();

-- GIN index for the ranked search (the rw_manual_ prefix tells test/migrations.test.ts it is hand-made).
CREATE INDEX "rw_manual_runbook_search" ON "Runbook" USING GIN ("searchVector");

-- Built-in templates (generated from lib/runbooks/builtin-templates.ts)
INSERT INTO "RunbookTemplate" ("id", "slug", "name", "description", "body", "tags", "isStarter", "position", "updatedAt") VALUES
  ('rbt_builtin_service_overview', E'service-overview', E'Service overview', E'What the service does, how it fails, who to call. Every new service starts with one.', E'# {{service}}: service overview\n\nOwned and run by **{{team}}**.\n\n## What it does\nDescribe what the service does and who depends on it.\n\n## Dashboards and alerts\n| What | Where |\n| --- | --- |\n| Main dashboard | (link) |\n| Alert definitions | (link) |\n\n## Known failure scenarios\n- [ ] Dependency unavailable: see the dependency failure runbook\n- [ ] Bad deployment: see the restore and rollback runbook\n\n## Who to call\n1. The on-call engineer of {{team}}\n2. The team lead of {{team}}\n', ARRAY[E'overview']::TEXT[], true, 0, CURRENT_TIMESTAMP),
  ('rbt_builtin_alert_response', E'alert-response', E'Alert response', E'What an alert means, how to check it, and how to make it stop hurting users.', E'# Alert: <alert name>\n\n## What it means\nThe condition and threshold that fire this alert, and what users notice.\n\n## Check\n1. Open the service dashboard and confirm the symptom.\n2. Check recent deployments of {{service}}.\n\n```sh\nkubectl -n {{service}} get pods\n```\n\n## Mitigate\n- [ ] Roll back the last deployment if it lines up with the alert\n- [ ] Scale out if saturation is the cause\n\n## Escalate\nIf not mitigated within 15 minutes, page the team lead of {{team}}.\n', ARRAY[E'alert']::TEXT[], false, 1, CURRENT_TIMESTAMP),
  ('rbt_builtin_restore_rollback', E'restore-rollback', E'Restore and rollback', E'Step by step: roll back a release, restore data from backup, confirm recovery.', E'# Restore and rollback: {{service}}\n\n## Roll back a release\n1. Find the last good version in the deployment history.\n2. Redeploy it through the pipeline.\n\n```sh\n./deploy.sh {{service}} <last-good-version>\n```\n\n## Restore data from backup\n1. Stop writers.\n2. Restore the most recent snapshot.\n3. Replay events since the snapshot.\n\n## Confirm recovery\n- [ ] Error rate back under the target\n- [ ] Synthetic checks green\n', ARRAY[E'restore', E'rollback']::TEXT[], false, 2, CURRENT_TIMESTAMP),
  ('rbt_builtin_dependency_failure', E'dependency-failure', E'Dependency failure', E'A dependency is down or slow: degrade gracefully and tell its owners.', E'# Dependency failure: {{service}}\n\n## Dependencies\n| Dependency | Owner | Fallback |\n| --- | --- | --- |\n| (name) | (team) | (what we do without it) |\n\n## When a dependency fails\n1. Confirm on its status page or dashboard.\n2. Switch on the fallback or the circuit breaker.\n3. Tell the owning team in their channel.\n\n## Recover\n- [ ] Switch the fallback off once the dependency is healthy\n', ARRAY[E'dependency']::TEXT[], false, 3, CURRENT_TIMESTAMP),
  ('rbt_builtin_third_party_escalation', E'third-party-escalation', E'Third-party escalation', E'How to reach an external provider, with contract and support details.', E'# Third-party escalation: <provider>\n\n## Support contacts\n| Level | Contact | Hours |\n| --- | --- | --- |\n| Standard | (support portal) | working hours |\n| Urgent | (phone) | 24/7 |\n\n## Before you call\n- Contract or account number\n- Time the problem started (UTC) and example request ids\n\n## After the call\nRecord the case number in the incident timeline.\n', ARRAY[E'escalation', E'third-party']::TEXT[], false, 4, CURRENT_TIMESTAMP);
