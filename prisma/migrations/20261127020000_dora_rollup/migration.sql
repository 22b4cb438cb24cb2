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

-- CreateIndex
CREATE INDEX "AuditChainCheck_finishedAt_idx" ON "AuditChainCheck"("finishedAt");

-- CreateIndex
CREATE INDEX "AuditChainCheck_ok_finishedAt_idx" ON "AuditChainCheck"("ok", "finishedAt");

