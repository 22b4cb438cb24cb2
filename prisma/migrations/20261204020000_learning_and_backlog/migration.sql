-- Learning and balance (issue 16): post-incident reviews with private analyses, contributing factors,
-- actions and readers, one backlog per team with a target operational share, outcome hypotheses linked
-- to deployments, and each change of a service's owning team (the "lost accountability" signal).
-- CreateEnum
CREATE TYPE "BacklogItemType" AS ENUM ('PRODUCT', 'OPERATIONAL');

-- CreateEnum
CREATE TYPE "OperationalSubtype" AS ENUM ('RELIABILITY', 'OPERABILITY', 'SECURITY_PATCH', 'LIBRARY_UPGRADE', 'TECH_DEBT', 'INCIDENT_ACTION', 'TOIL');

-- CreateEnum
CREATE TYPE "BacklogItemStatus" AS ENUM ('TODO', 'DOING', 'DONE');

-- CreateEnum
CREATE TYPE "BacklogItemSource" AS ENUM ('MANUAL', 'REVIEW_ACTION', 'INCIDENT', 'IMPORT');

-- CreateEnum
CREATE TYPE "HypothesisResult" AS ENUM ('VALIDATED', 'INVALIDATED', 'INCONCLUSIVE');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('COLLECTING', 'DRAFTING', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "ContributingFactorKind" AS ENUM ('HUMAN', 'TECHNICAL');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "targetOperationalShare" INTEGER;

-- CreateTable
CREATE TABLE "BacklogItem" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "teamId" TEXT NOT NULL,
    "type" "BacklogItemType" NOT NULL,
    "subtype" "OperationalSubtype",
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "estimate" INTEGER,
    "status" "BacklogItemStatus" NOT NULL DEFAULT 'TODO',
    "rank" TEXT COLLATE "C" NOT NULL,
    "source" "BacklogItemSource" NOT NULL DEFAULT 'MANUAL',
    "ownerId" TEXT,
    "dueAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "labels" TEXT[],
    "incidentId" TEXT,
    "reviewActionId" TEXT,
    "serviceId" TEXT,
    "deploymentId" TEXT,
    "hypothesisId" TEXT,
    "importedKey" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BacklogItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceOwnerChange" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "fromTeamId" TEXT,
    "toTeamId" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceOwnerChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Hypothesis" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "serviceId" TEXT NOT NULL,
    "capability" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "amount" TEXT NOT NULL,
    "measureBy" TIMESTAMP(3) NOT NULL,
    "ownerId" TEXT NOT NULL,
    "result" "HypothesisResult",
    "evidence" TEXT NOT NULL DEFAULT '',
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Hypothesis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HypothesisDeployment" (
    "hypothesisId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HypothesisDeployment_pkey" PRIMARY KEY ("hypothesisId","deploymentId")
);

-- CreateTable
CREATE TABLE "PostIncidentReview" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "incidentId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ReviewStatus" NOT NULL DEFAULT 'COLLECTING',
    "dueAt" TIMESTAMP(3) NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "scheduledById" TEXT,
    "facilitatorId" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "availabilityLostMinutes" INTEGER,
    "budgetSpentMinutes" DOUBLE PRECISION,
    "estimatedLoss" INTEGER,
    "impactNotes" TEXT NOT NULL DEFAULT '',
    "wentWell" TEXT NOT NULL DEFAULT '',
    "wasHard" TEXT NOT NULL DEFAULT '',
    "learnings" TEXT NOT NULL DEFAULT '',
    "tags" TEXT[],
    "publishedAt" TIMESTAMP(3),
    "publishedById" TEXT,
    "searchVector" tsvector,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostIncidentReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewParticipant" (
    "reviewId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "analysis" TEXT NOT NULL DEFAULT '',
    "analysisUpdatedAt" TIMESTAMP(3),
    "sharedAt" TIMESTAMP(3),
    "invitedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewParticipant_pkey" PRIMARY KEY ("reviewId","personId")
);

-- CreateTable
CREATE TABLE "ReviewTimelineEntry" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "message" TEXT NOT NULL,
    "incidentEntryId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewTimelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContributingFactor" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "kind" "ContributingFactorKind" NOT NULL,
    "description" TEXT NOT NULL,
    "tags" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContributingFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAction" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "factorId" TEXT,
    "ownerId" TEXT,
    "dueAt" TIMESTAMP(3),
    "repeatOfId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewReader" (
    "reviewId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "firstReadAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewReader_pkey" PRIMARY KEY ("reviewId","personId")
);

-- CreateIndex
CREATE UNIQUE INDEX "BacklogItem_number_key" ON "BacklogItem"("number");

-- CreateIndex
CREATE UNIQUE INDEX "BacklogItem_reviewActionId_key" ON "BacklogItem"("reviewActionId");

-- CreateIndex
CREATE INDEX "BacklogItem_teamId_rank_idx" ON "BacklogItem"("teamId", "rank");

-- CreateIndex
CREATE INDEX "BacklogItem_teamId_status_doneAt_idx" ON "BacklogItem"("teamId", "status", "doneAt");

-- CreateIndex
CREATE INDEX "BacklogItem_ownerId_idx" ON "BacklogItem"("ownerId");

-- CreateIndex
CREATE INDEX "BacklogItem_serviceId_idx" ON "BacklogItem"("serviceId");

-- CreateIndex
CREATE INDEX "BacklogItem_deploymentId_idx" ON "BacklogItem"("deploymentId");

-- CreateIndex
CREATE INDEX "BacklogItem_hypothesisId_idx" ON "BacklogItem"("hypothesisId");

-- CreateIndex
CREATE INDEX "BacklogItem_createdById_idx" ON "BacklogItem"("createdById");

-- CreateIndex
CREATE UNIQUE INDEX "BacklogItem_incidentId_source_key" ON "BacklogItem"("incidentId", "source");

-- CreateIndex
CREATE INDEX "ServiceOwnerChange_serviceId_changedAt_idx" ON "ServiceOwnerChange"("serviceId", "changedAt");

-- CreateIndex
CREATE INDEX "ServiceOwnerChange_fromTeamId_idx" ON "ServiceOwnerChange"("fromTeamId");

-- CreateIndex
CREATE INDEX "ServiceOwnerChange_toTeamId_idx" ON "ServiceOwnerChange"("toTeamId");

-- CreateIndex
CREATE UNIQUE INDEX "Hypothesis_number_key" ON "Hypothesis"("number");

-- CreateIndex
CREATE INDEX "Hypothesis_serviceId_measureBy_idx" ON "Hypothesis"("serviceId", "measureBy");

-- CreateIndex
CREATE INDEX "Hypothesis_ownerId_result_measureBy_idx" ON "Hypothesis"("ownerId", "result", "measureBy");

-- CreateIndex
CREATE INDEX "Hypothesis_decidedById_idx" ON "Hypothesis"("decidedById");

-- CreateIndex
CREATE INDEX "HypothesisDeployment_deploymentId_idx" ON "HypothesisDeployment"("deploymentId");

-- CreateIndex
CREATE UNIQUE INDEX "PostIncidentReview_number_key" ON "PostIncidentReview"("number");

-- CreateIndex
CREATE UNIQUE INDEX "PostIncidentReview_incidentId_key" ON "PostIncidentReview"("incidentId");

-- CreateIndex
CREATE INDEX "PostIncidentReview_status_dueAt_idx" ON "PostIncidentReview"("status", "dueAt");

-- CreateIndex
CREATE INDEX "PostIncidentReview_publishedAt_id_idx" ON "PostIncidentReview"("publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "PostIncidentReview_serviceId_publishedAt_idx" ON "PostIncidentReview"("serviceId", "publishedAt");

-- CreateIndex
CREATE INDEX "PostIncidentReview_teamId_status_idx" ON "PostIncidentReview"("teamId", "status");

-- CreateIndex
CREATE INDEX "PostIncidentReview_scheduledById_idx" ON "PostIncidentReview"("scheduledById");

-- CreateIndex
CREATE INDEX "PostIncidentReview_facilitatorId_idx" ON "PostIncidentReview"("facilitatorId");

-- CreateIndex
CREATE INDEX "PostIncidentReview_publishedById_idx" ON "PostIncidentReview"("publishedById");

-- CreateIndex
CREATE INDEX "ReviewParticipant_personId_idx" ON "ReviewParticipant"("personId");

-- CreateIndex
CREATE INDEX "ReviewTimelineEntry_reviewId_occurredAt_idx" ON "ReviewTimelineEntry"("reviewId", "occurredAt");

-- CreateIndex
CREATE INDEX "ContributingFactor_reviewId_idx" ON "ContributingFactor"("reviewId");

-- CreateIndex
CREATE INDEX "ReviewAction_reviewId_idx" ON "ReviewAction"("reviewId");

-- CreateIndex
CREATE INDEX "ReviewAction_factorId_idx" ON "ReviewAction"("factorId");

-- CreateIndex
CREATE INDEX "ReviewAction_ownerId_idx" ON "ReviewAction"("ownerId");

-- CreateIndex
CREATE INDEX "ReviewAction_repeatOfId_idx" ON "ReviewAction"("repeatOfId");

-- CreateIndex
CREATE INDEX "ReviewReader_personId_idx" ON "ReviewReader"("personId");

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_reviewActionId_fkey" FOREIGN KEY ("reviewActionId") REFERENCES "ReviewAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_hypothesisId_fkey" FOREIGN KEY ("hypothesisId") REFERENCES "Hypothesis"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BacklogItem" ADD CONSTRAINT "BacklogItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceOwnerChange" ADD CONSTRAINT "ServiceOwnerChange_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceOwnerChange" ADD CONSTRAINT "ServiceOwnerChange_fromTeamId_fkey" FOREIGN KEY ("fromTeamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceOwnerChange" ADD CONSTRAINT "ServiceOwnerChange_toTeamId_fkey" FOREIGN KEY ("toTeamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hypothesis" ADD CONSTRAINT "Hypothesis_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hypothesis" ADD CONSTRAINT "Hypothesis_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Hypothesis" ADD CONSTRAINT "Hypothesis_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HypothesisDeployment" ADD CONSTRAINT "HypothesisDeployment_hypothesisId_fkey" FOREIGN KEY ("hypothesisId") REFERENCES "Hypothesis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HypothesisDeployment" ADD CONSTRAINT "HypothesisDeployment_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostIncidentReview" ADD CONSTRAINT "PostIncidentReview_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostIncidentReview" ADD CONSTRAINT "PostIncidentReview_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostIncidentReview" ADD CONSTRAINT "PostIncidentReview_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostIncidentReview" ADD CONSTRAINT "PostIncidentReview_scheduledById_fkey" FOREIGN KEY ("scheduledById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostIncidentReview" ADD CONSTRAINT "PostIncidentReview_facilitatorId_fkey" FOREIGN KEY ("facilitatorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostIncidentReview" ADD CONSTRAINT "PostIncidentReview_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewParticipant" ADD CONSTRAINT "ReviewParticipant_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PostIncidentReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewParticipant" ADD CONSTRAINT "ReviewParticipant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewTimelineEntry" ADD CONSTRAINT "ReviewTimelineEntry_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PostIncidentReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContributingFactor" ADD CONSTRAINT "ContributingFactor_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PostIncidentReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PostIncidentReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_factorId_fkey" FOREIGN KEY ("factorId") REFERENCES "ContributingFactor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAction" ADD CONSTRAINT "ReviewAction_repeatOfId_fkey" FOREIGN KEY ("repeatOfId") REFERENCES "ReviewAction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReader" ADD CONSTRAINT "ReviewReader_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PostIncidentReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewReader" ADD CONSTRAINT "ReviewReader_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written: Prisma cannot express these.
-- The learning library's search vector is trigger-maintained like the runbooks' (array_to_string is not
-- immutable, so a generated column cannot flatten the tags). Title weighs most (A), then tags (B), then
-- the narrative (C).
CREATE FUNCTION review_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector(\'english\', coalesce(NEW."title", \'\')), \'A\') ||
    setweight(to_tsvector(\'english\', array_to_string(NEW."tags", \' \')), \'B\') ||
    setweight(to_tsvector(\'english\', coalesce(NEW."summary", \'\') || \' \' || coalesce(NEW."impactNotes", \'\') || \' \' ||
      coalesce(NEW."wentWell", \'\') || \' \' || coalesce(NEW."wasHard", \'\') || \' \' || coalesce(NEW."learnings", \'\')), \'C\')\x3B
  RETURN NEW\x3B
END\x3B
';

CREATE TRIGGER "PostIncidentReview_search_vector" BEFORE INSERT OR UPDATE OF "title", "tags", "summary", "impactNotes", "wentWell", "wasHard", "learnings" ON "PostIncidentReview"
FOR EACH ROW EXECUTE FUNCTION review_search_vector_update();

-- GIN index for the ranked library search (the rw_manual_ prefix tells test/migrations.test.ts it is hand-made).
CREATE INDEX "rw_manual_review_search" ON "PostIncidentReview" USING GIN ("searchVector");
-- Library filter by tag.
CREATE INDEX "rw_manual_review_tags" ON "PostIncidentReview" USING GIN ("tags");
