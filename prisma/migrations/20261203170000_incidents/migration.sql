-- CreateEnum
CREATE TYPE "IncidentImpact" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('TRIGGERED', 'ACKNOWLEDGED', 'MITIGATED', 'RESOLVED', 'CLOSED');

-- CreateEnum
CREATE TYPE "IncidentSource" AS ENUM ('PORTAL', 'API', 'ALERTMANAGER', 'PAGERDUTY');

-- CreateEnum
CREATE TYPE "IncidentRoleKind" AS ENUM ('COMMANDER', 'COMMUNICATIONS', 'RESPONDER');

-- CreateEnum
CREATE TYPE "IncidentTimelineKind" AS ENUM ('DECLARED', 'STATUS', 'UPDATE', 'IMPACT', 'REASSIGNED', 'ROLE', 'PAGE', 'ACKNOWLEDGED', 'ESCALATED', 'ALERT', 'DEPLOYMENT', 'AVAILABILITY', 'HELD');

-- CreateEnum
CREATE TYPE "IncidentAlertStatus" AS ENUM ('FIRING', 'RESOLVED');

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "criticalAlertImpact" "IncidentImpact" NOT NULL DEFAULT 'HIGH',
ADD COLUMN     "errorAlertImpact" "IncidentImpact" NOT NULL DEFAULT 'MEDIUM',
ADD COLUMN     "escalateAfterMinutes" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "escalateAgainAfterMinutes" INTEGER NOT NULL DEFAULT 15;

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "impact" "IncidentImpact" NOT NULL,
    "lossPerHour" INTEGER,
    "status" "IncidentStatus" NOT NULL,
    "source" "IncidentSource" NOT NULL,
    "serviceId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "externalId" TEXT,
    "dedupKey" TEXT,
    "triggeredAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "mitigatedAt" TIMESTAMP(3),
    "resolvedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "availabilityLostAt" TIMESTAMP(3) NOT NULL,
    "availabilityRegainedAt" TIMESTAMP(3),
    "heldUntil" TIMESTAMP(3),
    "causeDeploymentId" TEXT,
    "declaredById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentService" (
    "incidentId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentService_pkey" PRIMARY KEY ("incidentId","serviceId")
);

-- CreateTable
CREATE TABLE "IncidentTimelineEntry" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "kind" "IncidentTimelineKind" NOT NULL,
    "message" TEXT NOT NULL,
    "actorLabel" TEXT NOT NULL,
    "personId" TEXT,
    "url" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentTimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentRole" (
    "incidentId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "role" "IncidentRoleKind" NOT NULL,
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentRole_pkey" PRIMARY KEY ("incidentId","personId","role")
);

-- CreateTable
CREATE TABLE "IncidentAlert" (
    "incidentId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "status" "IncidentAlertStatus" NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "severity" TEXT,
    "generatorUrl" TEXT,
    "labels" JSONB NOT NULL,
    "annotations" JSONB NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncidentAlert_pkey" PRIMARY KEY ("incidentId","fingerprint")
);

-- CreateTable
CREATE TABLE "IncidentPage" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "personId" TEXT,
    "teamId" TEXT,
    "level" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "outOfHours" BOOLEAN NOT NULL,
    "scheduleId" TEXT,
    "pagedAt" TIMESTAMP(3) NOT NULL,
    "acknowledgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentPage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Incident_number_key" ON "Incident"("number");

-- CreateIndex
CREATE INDEX "Incident_status_triggeredAt_id_idx" ON "Incident"("status", "triggeredAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Incident_triggeredAt_id_idx" ON "Incident"("triggeredAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Incident_teamId_status_idx" ON "Incident"("teamId", "status");

-- CreateIndex
CREATE INDEX "Incident_causeDeploymentId_idx" ON "Incident"("causeDeploymentId");

-- CreateIndex
CREATE INDEX "Incident_declaredById_idx" ON "Incident"("declaredById");

-- CreateIndex
CREATE UNIQUE INDEX "Incident_serviceId_externalId_key" ON "Incident"("serviceId", "externalId");

-- CreateIndex
CREATE INDEX "IncidentService_serviceId_incidentId_idx" ON "IncidentService"("serviceId", "incidentId");

-- CreateIndex
CREATE INDEX "IncidentTimelineEntry_incidentId_occurredAt_idx" ON "IncidentTimelineEntry"("incidentId", "occurredAt");

-- CreateIndex
CREATE INDEX "IncidentTimelineEntry_personId_idx" ON "IncidentTimelineEntry"("personId");

-- CreateIndex
CREATE INDEX "IncidentRole_personId_idx" ON "IncidentRole"("personId");

-- CreateIndex
CREATE INDEX "IncidentPage_personId_pagedAt_idx" ON "IncidentPage"("personId", "pagedAt");

-- CreateIndex
CREATE INDEX "IncidentPage_teamId_idx" ON "IncidentPage"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "IncidentPage_incidentId_level_personId_key" ON "IncidentPage"("incidentId", "level", "personId");

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_causeDeploymentId_fkey" FOREIGN KEY ("causeDeploymentId") REFERENCES "Deployment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentService" ADD CONSTRAINT "IncidentService_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentService" ADD CONSTRAINT "IncidentService_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTimelineEntry" ADD CONSTRAINT "IncidentTimelineEntry_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentTimelineEntry" ADD CONSTRAINT "IncidentTimelineEntry_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentRole" ADD CONSTRAINT "IncidentRole_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentRole" ADD CONSTRAINT "IncidentRole_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentAlert" ADD CONSTRAINT "IncidentAlert_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentPage" ADD CONSTRAINT "IncidentPage_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentPage" ADD CONSTRAINT "IncidentPage_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentPage" ADD CONSTRAINT "IncidentPage_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- At most one open incident per alert grouping key (Alertmanager groupKey, PagerDuty dedup_key): a
-- trigger after a resolve opens a new incident, and two concurrent triggers cannot open two.
CREATE UNIQUE INDEX "rw_manual_incident_open_dedup" ON "Incident" ("serviceId", "source", "dedupKey") WHERE "dedupKey" IS NOT NULL AND "status" NOT IN ('RESOLVED', 'CLOSED');
