-- CreateEnum
CREATE TYPE "ChangeType" AS ENUM ('STANDARD', 'NORMAL', 'EMERGENCY');

-- CreateEnum
CREATE TYPE "ChangeState" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'IMPLEMENTED', 'CLOSED', 'FAILED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RiskLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('APPROVE', 'REJECT');

-- CreateEnum
CREATE TYPE "FreezeScope" AS ENUM ('ORGANISATION', 'DOMAIN', 'TEAM', 'SERVICE');

-- CreateEnum
CREATE TYPE "GateOutcome" AS ENUM ('ALLOW', 'DENY');

-- CreateEnum
CREATE TYPE "RequiredChecksStatus" AS ENUM ('PENDING', 'PASSED', 'FAILED', 'MISSING');

-- CreateEnum
CREATE TYPE "DeploymentFlagKind" AS ENUM ('NO_APPROVED_CHANGE', 'REQUIRED_CHECK_FAILED', 'REQUIRED_CHECK_MISSING');

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "changeRequestId" TEXT,
ADD COLUMN     "requiredChecksDueAt" TIMESTAMP(3),
ADD COLUMN     "requiredChecksStatus" "RequiredChecksStatus";

-- CreateTable
CREATE TABLE "ChangeRequest" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "type" "ChangeType" NOT NULL,
    "state" "ChangeState" NOT NULL DEFAULT 'DRAFT',
    "serviceId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "version" TEXT,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "implementationPlan" TEXT NOT NULL DEFAULT '',
    "rollbackPlan" TEXT NOT NULL DEFAULT '',
    "plannedStart" TIMESTAMP(3),
    "plannedEnd" TIMESTAMP(3),
    "riskScore" INTEGER,
    "riskLevel" "RiskLevel",
    "commitShas" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "patternId" TEXT,
    "requesterId" TEXT,
    "requesterLabel" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "implementedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "failureReason" TEXT,
    "reviewDueAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" TEXT,
    "reviewNotes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeApproval" (
    "id" TEXT NOT NULL,
    "changeId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangeApproval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChangeComment" (
    "id" TEXT NOT NULL,
    "changeId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorLabel" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChangeComment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentPattern" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "serviceIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "teamIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "environmentIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "tiers" "ServiceTier"[] DEFAULT ARRAY[]::"ServiceTier"[],
    "rules" JSONB NOT NULL,
    "createdById" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeploymentPattern_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FreezeWindow" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "scope" "FreezeScope" NOT NULL,
    "domainId" TEXT,
    "teamId" TEXT,
    "serviceId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FreezeWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequiredHealthCheck" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT,
    "patternId" TEXT,
    "name" TEXT NOT NULL,
    "deadlineMinutes" INTEGER NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RequiredHealthCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateDecision" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "outcome" "GateOutcome" NOT NULL,
    "changeType" "ChangeType",
    "changeRequestId" TEXT,
    "patternId" TEXT,
    "reasons" JSONB NOT NULL,
    "outcomeKey" TEXT NOT NULL,
    "plannedAt" TIMESTAMP(3) NOT NULL,
    "commitShas" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "actorLabel" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentFlag" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "kind" "DeploymentFlagKind" NOT NULL,
    "message" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeploymentFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CabSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "quorum" INTEGER NOT NULL DEFAULT 2,
    "emergencyReviewHours" INTEGER NOT NULL DEFAULT 72,
    "meetingWeekday" INTEGER NOT NULL DEFAULT 2,
    "meetingMinute" INTEGER NOT NULL DEFAULT 600,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/London',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CabSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChangeRequest_number_key" ON "ChangeRequest"("number");

-- CreateIndex
CREATE INDEX "ChangeRequest_serviceId_environmentId_version_state_idx" ON "ChangeRequest"("serviceId", "environmentId", "version", "state");

-- CreateIndex
CREATE INDEX "ChangeRequest_state_plannedStart_idx" ON "ChangeRequest"("state", "plannedStart");

-- CreateIndex
CREATE INDEX "ChangeRequest_plannedStart_idx" ON "ChangeRequest"("plannedStart");

-- CreateIndex
CREATE INDEX "ChangeRequest_type_createdAt_idx" ON "ChangeRequest"("type", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_requesterId_idx" ON "ChangeRequest"("requesterId");

-- CreateIndex
CREATE INDEX "ChangeRequest_patternId_idx" ON "ChangeRequest"("patternId");

-- CreateIndex
CREATE INDEX "ChangeRequest_environmentId_idx" ON "ChangeRequest"("environmentId");

-- CreateIndex
CREATE INDEX "ChangeRequest_reviewDueAt_idx" ON "ChangeRequest"("reviewDueAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_reviewedById_idx" ON "ChangeRequest"("reviewedById");

-- CreateIndex
CREATE INDEX "ChangeApproval_personId_idx" ON "ChangeApproval"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "ChangeApproval_changeId_personId_key" ON "ChangeApproval"("changeId", "personId");

-- CreateIndex
CREATE INDEX "ChangeComment_changeId_createdAt_idx" ON "ChangeComment"("changeId", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeComment_authorId_idx" ON "ChangeComment"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentPattern_slug_key" ON "DeploymentPattern"("slug");

-- CreateIndex
CREATE INDEX "DeploymentPattern_archivedAt_idx" ON "DeploymentPattern"("archivedAt");

-- CreateIndex
CREATE INDEX "DeploymentPattern_createdById_idx" ON "DeploymentPattern"("createdById");

-- CreateIndex
CREATE INDEX "FreezeWindow_startsAt_endsAt_idx" ON "FreezeWindow"("startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "FreezeWindow_endsAt_idx" ON "FreezeWindow"("endsAt");

-- CreateIndex
CREATE INDEX "FreezeWindow_domainId_idx" ON "FreezeWindow"("domainId");

-- CreateIndex
CREATE INDEX "FreezeWindow_teamId_idx" ON "FreezeWindow"("teamId");

-- CreateIndex
CREATE INDEX "FreezeWindow_serviceId_idx" ON "FreezeWindow"("serviceId");

-- CreateIndex
CREATE INDEX "FreezeWindow_createdById_idx" ON "FreezeWindow"("createdById");

-- CreateIndex
CREATE INDEX "RequiredHealthCheck_patternId_idx" ON "RequiredHealthCheck"("patternId");

-- CreateIndex
CREATE INDEX "RequiredHealthCheck_createdById_idx" ON "RequiredHealthCheck"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "RequiredHealthCheck_serviceId_name_key" ON "RequiredHealthCheck"("serviceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "RequiredHealthCheck_patternId_name_key" ON "RequiredHealthCheck"("patternId", "name");

-- CreateIndex
CREATE INDEX "GateDecision_changeRequestId_idx" ON "GateDecision"("changeRequestId");

-- CreateIndex
CREATE INDEX "GateDecision_environmentId_idx" ON "GateDecision"("environmentId");

-- CreateIndex
CREATE INDEX "GateDecision_createdAt_idx" ON "GateDecision"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "GateDecision_serviceId_environmentId_version_outcomeKey_key" ON "GateDecision"("serviceId", "environmentId", "version", "outcomeKey");

-- CreateIndex
CREATE INDEX "DeploymentFlag_createdAt_idx" ON "DeploymentFlag"("createdAt");

-- CreateIndex
CREATE INDEX "DeploymentFlag_kind_createdAt_idx" ON "DeploymentFlag"("kind", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeploymentFlag_deploymentId_kind_key" ON "DeploymentFlag"("deploymentId", "kind");

-- CreateIndex
CREATE INDEX "Deployment_changeRequestId_idx" ON "Deployment"("changeRequestId");

-- CreateIndex
CREATE INDEX "Deployment_requiredChecksStatus_requiredChecksDueAt_idx" ON "Deployment"("requiredChecksStatus", "requiredChecksDueAt");

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "DeploymentPattern"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeRequest" ADD CONSTRAINT "ChangeRequest_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeApproval" ADD CONSTRAINT "ChangeApproval_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeApproval" ADD CONSTRAINT "ChangeApproval_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeComment" ADD CONSTRAINT "ChangeComment_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ChangeRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChangeComment" ADD CONSTRAINT "ChangeComment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentPattern" ADD CONSTRAINT "DeploymentPattern_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FreezeWindow" ADD CONSTRAINT "FreezeWindow_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FreezeWindow" ADD CONSTRAINT "FreezeWindow_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FreezeWindow" ADD CONSTRAINT "FreezeWindow_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FreezeWindow" ADD CONSTRAINT "FreezeWindow_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequiredHealthCheck" ADD CONSTRAINT "RequiredHealthCheck_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequiredHealthCheck" ADD CONSTRAINT "RequiredHealthCheck_patternId_fkey" FOREIGN KEY ("patternId") REFERENCES "DeploymentPattern"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequiredHealthCheck" ADD CONSTRAINT "RequiredHealthCheck_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateDecision" ADD CONSTRAINT "GateDecision_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateDecision" ADD CONSTRAINT "GateDecision_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateDecision" ADD CONSTRAINT "GateDecision_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentFlag" ADD CONSTRAINT "DeploymentFlag_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_changeRequestId_fkey" FOREIGN KEY ("changeRequestId") REFERENCES "ChangeRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

