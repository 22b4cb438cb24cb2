-- CreateEnum
CREATE TYPE "OnCallScheduleKind" AS ENUM ('TEAM', 'DOMAIN');

-- CreateEnum
CREATE TYPE "OnCallLayer" AS ENUM ('PRIMARY', 'SECONDARY');

-- CreateEnum
CREATE TYPE "OnCallOverrideKind" AS ENUM ('COVER', 'SWAP', 'TAKE_NOW', 'ASSIGNED');

-- CreateEnum
CREATE TYPE "OnCallRequestKind" AS ENUM ('COVER', 'SWAP');

-- CreateEnum
CREATE TYPE "OnCallRequestStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "OnCallPayModel" AS ENUM ('STANDBY_ONLY', 'STANDBY_AND_CALLOUT');

-- CreateTable
CREATE TABLE "HolidayCalendar" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HolidayCalendar_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "calendarId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnCallSchedule" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OnCallScheduleKind" NOT NULL,
    "teamId" TEXT,
    "domainId" TEXT,
    "timeZone" TEXT NOT NULL,
    "workdayStartMinute" INTEGER NOT NULL DEFAULT 540,
    "workdayEndMinute" INTEGER NOT NULL DEFAULT 1020,
    "workingDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "holidayCalendarId" TEXT,
    "hasSecondary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnCallSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnCallRotation" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "effectiveFrom" TIMESTAMP(3) NOT NULL,
    "rotationDays" INTEGER NOT NULL DEFAULT 7,
    "handoffWeekday" INTEGER NOT NULL DEFAULT 1,
    "handoffMinute" INTEGER NOT NULL DEFAULT 540,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnCallRotation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnCallParticipant" (
    "rotationId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnCallParticipant_pkey" PRIMARY KEY ("rotationId","position")
);

-- CreateTable
CREATE TABLE "OnCallOptOut" (
    "scheduleId" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnCallOptOut_pkey" PRIMARY KEY ("scheduleId","personId")
);

-- CreateTable
CREATE TABLE "OnCallOverride" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "layer" "OnCallLayer" NOT NULL DEFAULT 'PRIMARY',
    "personId" TEXT NOT NULL,
    "replacesPersonId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "kind" "OnCallOverrideKind" NOT NULL,
    "requestId" TEXT,
    "createdById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnCallOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnCallRequest" (
    "id" TEXT NOT NULL,
    "scheduleId" TEXT NOT NULL,
    "kind" "OnCallRequestKind" NOT NULL,
    "status" "OnCallRequestStatus" NOT NULL DEFAULT 'PENDING',
    "requesterId" TEXT NOT NULL,
    "responderId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "swapStartsAt" TIMESTAMP(3),
    "swapEndsAt" TIMESTAMP(3),
    "message" TEXT NOT NULL DEFAULT '',
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnCallRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnCallLeave" (
    "id" TEXT NOT NULL,
    "personId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnCallLeave_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnCallFeed" (
    "id" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "personId" TEXT,
    "scheduleId" TEXT,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnCallFeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OnCallPayPolicy" (
    "teamId" TEXT NOT NULL,
    "model" "OnCallPayModel" NOT NULL DEFAULT 'STANDBY_ONLY',
    "currency" TEXT NOT NULL DEFAULT 'GBP',
    "standbyRate" INTEGER NOT NULL DEFAULT 0,
    "weekendHolidayRate" INTEGER NOT NULL DEFAULT 0,
    "calloutRate" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OnCallPayPolicy_pkey" PRIMARY KEY ("teamId")
);

-- CreateIndex
CREATE UNIQUE INDEX "HolidayCalendar_slug_key" ON "HolidayCalendar"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_calendarId_date_key" ON "Holiday"("calendarId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "OnCallSchedule_slug_key" ON "OnCallSchedule"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "OnCallSchedule_teamId_key" ON "OnCallSchedule"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "OnCallSchedule_domainId_key" ON "OnCallSchedule"("domainId");

-- CreateIndex
CREATE INDEX "OnCallSchedule_holidayCalendarId_idx" ON "OnCallSchedule"("holidayCalendarId");

-- CreateIndex
CREATE UNIQUE INDEX "OnCallRotation_scheduleId_effectiveFrom_key" ON "OnCallRotation"("scheduleId", "effectiveFrom");

-- CreateIndex
CREATE INDEX "OnCallParticipant_personId_idx" ON "OnCallParticipant"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "OnCallParticipant_rotationId_personId_key" ON "OnCallParticipant"("rotationId", "personId");

-- CreateIndex
CREATE INDEX "OnCallOptOut_personId_idx" ON "OnCallOptOut"("personId");

-- CreateIndex
CREATE INDEX "OnCallOverride_scheduleId_startsAt_endsAt_idx" ON "OnCallOverride"("scheduleId", "startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "OnCallOverride_personId_startsAt_idx" ON "OnCallOverride"("personId", "startsAt");

-- CreateIndex
CREATE INDEX "OnCallOverride_replacesPersonId_idx" ON "OnCallOverride"("replacesPersonId");

-- CreateIndex
CREATE INDEX "OnCallOverride_requestId_idx" ON "OnCallOverride"("requestId");

-- CreateIndex
CREATE INDEX "OnCallRequest_responderId_status_idx" ON "OnCallRequest"("responderId", "status");

-- CreateIndex
CREATE INDEX "OnCallRequest_requesterId_status_idx" ON "OnCallRequest"("requesterId", "status");

-- CreateIndex
CREATE INDEX "OnCallRequest_scheduleId_idx" ON "OnCallRequest"("scheduleId");

-- CreateIndex
CREATE INDEX "OnCallLeave_personId_startsAt_idx" ON "OnCallLeave"("personId", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "OnCallFeed_token_key" ON "OnCallFeed"("token");

-- CreateIndex
CREATE INDEX "OnCallFeed_personId_idx" ON "OnCallFeed"("personId");

-- CreateIndex
CREATE INDEX "OnCallFeed_scheduleId_idx" ON "OnCallFeed"("scheduleId");

-- AddForeignKey
ALTER TABLE "Holiday" ADD CONSTRAINT "Holiday_calendarId_fkey" FOREIGN KEY ("calendarId") REFERENCES "HolidayCalendar"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallSchedule" ADD CONSTRAINT "OnCallSchedule_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallSchedule" ADD CONSTRAINT "OnCallSchedule_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallSchedule" ADD CONSTRAINT "OnCallSchedule_holidayCalendarId_fkey" FOREIGN KEY ("holidayCalendarId") REFERENCES "HolidayCalendar"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallRotation" ADD CONSTRAINT "OnCallRotation_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "OnCallSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallParticipant" ADD CONSTRAINT "OnCallParticipant_rotationId_fkey" FOREIGN KEY ("rotationId") REFERENCES "OnCallRotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallParticipant" ADD CONSTRAINT "OnCallParticipant_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallOptOut" ADD CONSTRAINT "OnCallOptOut_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "OnCallSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallOptOut" ADD CONSTRAINT "OnCallOptOut_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallOverride" ADD CONSTRAINT "OnCallOverride_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "OnCallSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallOverride" ADD CONSTRAINT "OnCallOverride_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallOverride" ADD CONSTRAINT "OnCallOverride_replacesPersonId_fkey" FOREIGN KEY ("replacesPersonId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallOverride" ADD CONSTRAINT "OnCallOverride_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "OnCallRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallRequest" ADD CONSTRAINT "OnCallRequest_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "OnCallSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallRequest" ADD CONSTRAINT "OnCallRequest_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallRequest" ADD CONSTRAINT "OnCallRequest_responderId_fkey" FOREIGN KEY ("responderId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallLeave" ADD CONSTRAINT "OnCallLeave_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallFeed" ADD CONSTRAINT "OnCallFeed_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallFeed" ADD CONSTRAINT "OnCallFeed_scheduleId_fkey" FOREIGN KEY ("scheduleId") REFERENCES "OnCallSchedule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OnCallPayPolicy" ADD CONSTRAINT "OnCallPayPolicy_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

