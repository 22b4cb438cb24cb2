-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('STARTED', 'SUCCEEDED', 'FAILED', 'ROLLED_BACK');

-- CreateEnum
CREATE TYPE "HealthCheckStatus" AS ENUM ('PASS', 'FAIL');

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "environmentId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "status" "DeploymentStatus" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "pipelineUrl" TEXT,
    "deployer" TEXT,
    "firstCommitAt" TIMESTAMP(3),
    "replacesId" TEXT,
    "isRollback" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentCommit" (
    "deploymentId" TEXT NOT NULL,
    "sha" TEXT NOT NULL,
    "committedAt" TIMESTAMP(3) NOT NULL,
    "message" TEXT,
    "author" TEXT,

    CONSTRAINT "DeploymentCommit_pkey" PRIMARY KEY ("deploymentId","sha")
);

-- CreateTable
CREATE TABLE "DeploymentHealthCheck" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" "HealthCheckStatus" NOT NULL,
    "details" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeploymentHealthCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "href" TEXT,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Deployment_serviceId_environmentId_startedAt_idx" ON "Deployment"("serviceId", "environmentId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "Deployment_serviceId_environmentId_status_finishedAt_idx" ON "Deployment"("serviceId", "environmentId", "status", "finishedAt");

-- CreateIndex
CREATE INDEX "Deployment_environmentId_startedAt_idx" ON "Deployment"("environmentId", "startedAt");

-- CreateIndex
CREATE INDEX "Deployment_status_startedAt_idx" ON "Deployment"("status", "startedAt");

-- CreateIndex
CREATE INDEX "Deployment_replacesId_idx" ON "Deployment"("replacesId");

-- CreateIndex
CREATE UNIQUE INDEX "Deployment_serviceId_externalId_key" ON "Deployment"("serviceId", "externalId");

-- CreateIndex
CREATE INDEX "DeploymentHealthCheck_deploymentId_checkedAt_idx" ON "DeploymentHealthCheck"("deploymentId", "checkedAt");

-- CreateIndex
CREATE INDEX "Notification_personId_readAt_createdAt_idx" ON "Notification"("personId", "readAt", "createdAt");

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_replacesId_fkey" FOREIGN KEY ("replacesId") REFERENCES "Deployment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentCommit" ADD CONSTRAINT "DeploymentCommit_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentHealthCheck" ADD CONSTRAINT "DeploymentHealthCheck_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

