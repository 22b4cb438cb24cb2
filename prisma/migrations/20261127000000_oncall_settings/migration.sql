-- DropIndex
DROP INDEX "OnCallSchedule_teamId_key";

-- DropIndex
DROP INDEX "OnCallSchedule_domainId_key";

-- DropIndex
DROP INDEX "OnCallParticipant_rotationId_personId_key";

-- AlterTable
ALTER TABLE "OnCallSchedule" ADD COLUMN     "archivedAt" TIMESTAMP(3);

-- AlterTable: existing rotation versions keep the zone and secondary setting their schedule has now,
-- so later settings changes start new versions instead of rewriting past shifts.
ALTER TABLE "OnCallRotation" ADD COLUMN     "hasSecondary" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "timeZone" TEXT;

UPDATE "OnCallRotation" AS r SET "timeZone" = s."timeZone", "hasSecondary" = s."hasSecondary" FROM "OnCallSchedule" AS s WHERE s."id" = r."scheduleId";

ALTER TABLE "OnCallRotation" ALTER COLUMN "timeZone" SET NOT NULL;

-- AlterTable
ALTER TABLE "OnCallParticipant" DROP CONSTRAINT "OnCallParticipant_pkey",
ADD COLUMN     "layer" "OnCallLayer" NOT NULL DEFAULT 'PRIMARY',
ADD CONSTRAINT "OnCallParticipant_pkey" PRIMARY KEY ("rotationId", "layer", "position");

-- CreateIndex
CREATE INDEX "OnCallSchedule_teamId_idx" ON "OnCallSchedule"("teamId");

-- CreateIndex
CREATE INDEX "OnCallSchedule_domainId_idx" ON "OnCallSchedule"("domainId");

-- CreateIndex
CREATE UNIQUE INDEX "OnCallParticipant_rotationId_layer_personId_key" ON "OnCallParticipant"("rotationId", "layer", "personId");


-- One live schedule per team and per domain, archived schedules keep their owner for the pay report.
CREATE UNIQUE INDEX "rw_manual_oncall_schedule_live_team" ON "OnCallSchedule"("teamId") WHERE "archivedAt" IS NULL;

CREATE UNIQUE INDEX "rw_manual_oncall_schedule_live_domain" ON "OnCallSchedule"("domainId") WHERE "archivedAt" IS NULL;
