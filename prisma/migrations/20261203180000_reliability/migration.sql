-- Availability against the target in force (lib/reliability/): a target history per service and the
-- product manager's time-boxed exceptions to the error-budget policy, which is an organisation setting
-- (off by default, the demo turns it on).
-- AlterTable
ALTER TABLE "OrganisationSettings" ADD COLUMN     "errorBudgetPolicy" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ServiceTargetChange" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "target" "AvailabilityTarget" NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceTargetChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ErrorBudgetException" (
    "id" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ErrorBudgetException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ServiceTargetChange_serviceId_effectiveFrom_key" ON "ServiceTargetChange"("serviceId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "ErrorBudgetException_serviceId_endsAt_idx" ON "ErrorBudgetException"("serviceId", "endsAt");

-- CreateIndex
CREATE INDEX "ErrorBudgetException_recordedById_idx" ON "ErrorBudgetException"("recordedById");

-- AddForeignKey
ALTER TABLE "ServiceTargetChange" ADD CONSTRAINT "ServiceTargetChange_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorBudgetException" ADD CONSTRAINT "ErrorBudgetException_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "Service"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ErrorBudgetException" ADD CONSTRAINT "ErrorBudgetException_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Every existing service's current target has been in force since it was created: the history starts
-- there (availability before a service existed is not counted anyway).
INSERT INTO "ServiceTargetChange" ("id", "serviceId", "target", "effectiveFrom")
SELECT gen_random_uuid()::text, s."id", s."availabilityTarget", s."createdAt" FROM "Service" s;
