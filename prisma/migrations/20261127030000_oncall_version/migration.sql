-- AlterTable
ALTER TABLE "OnCallSchedule" ADD COLUMN     "version" BIGINT NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CacheStamp" (
    "key" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CacheStamp_pkey" PRIMARY KEY ("key")
);

-- A schedule's version stamp changes in the same transaction as any change to what its shifts and pages
-- are computed from, so an in-process cache keyed on it can never serve a change late, in any process.
-- Triggers rather than application code: a use case, seed, script or another area's edit (a person's
-- rename, a team's) cannot forget it. Values come from a sequence, not a per-row counter: a sequence
-- never hands out a value twice, even when a transaction rolls back, so a stamp read inside a transaction
-- that later rolls back is never reused for different data.
CREATE SEQUENCE runwell_oncall_version_seq;

-- Every insert, and every update that does not set the stamp itself, takes a new stamp.
CREATE FUNCTION runwell_oncall_schedule_stamp() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_OP = \'INSERT\' OR NEW."version" IS NOT DISTINCT FROM OLD."version" THEN
    NEW."version" := nextval(\'runwell_oncall_version_seq\')\x3B
  END IF\x3B
  RETURN NEW\x3B
END\x3B
';

-- Rows are locked in id order, so two transactions bumping overlapping sets of schedules (leave of two
-- people on the same schedules) wait for each other instead of deadlocking.
CREATE FUNCTION runwell_oncall_bump_schedules(ids text[]) RETURNS void
LANGUAGE sql AS E'
  UPDATE "OnCallSchedule" SET "version" = nextval(\'runwell_oncall_version_seq\')
   WHERE id IN (SELECT id FROM "OnCallSchedule" WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE)
';

-- Schedules a person's name or leave shows on: on any rotation version, or covering by any override.
CREATE FUNCTION runwell_oncall_bump_people(person_ids text[]) RETURNS void
LANGUAGE sql AS E'
  SELECT runwell_oncall_bump_schedules(ARRAY(
    SELECT r."scheduleId" FROM "OnCallParticipant" p JOIN "OnCallRotation" r ON r.id = p."rotationId" WHERE p."personId" = ANY(person_ids)
    UNION
    SELECT o."scheduleId" FROM "OnCallOverride" o WHERE o."personId" = ANY(person_ids)))
';

-- Rotation versions, overrides and opt-outs name their schedule (old and new, if an update moves a row).
CREATE FUNCTION runwell_oncall_child_changed() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  ids text[]\x3B
BEGIN
  IF TG_OP <> \'DELETE\' THEN ids := array_append(ids, NEW."scheduleId")\x3B END IF\x3B
  IF TG_OP <> \'INSERT\' THEN ids := array_append(ids, OLD."scheduleId")\x3B END IF\x3B
  PERFORM runwell_oncall_bump_schedules(ids)\x3B
  RETURN NULL\x3B
END\x3B
';

CREATE FUNCTION runwell_oncall_participant_changed() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  rotation_ids text[]\x3B
BEGIN
  IF TG_OP <> \'DELETE\' THEN rotation_ids := array_append(rotation_ids, NEW."rotationId")\x3B END IF\x3B
  IF TG_OP <> \'INSERT\' THEN rotation_ids := array_append(rotation_ids, OLD."rotationId")\x3B END IF\x3B
  PERFORM runwell_oncall_bump_schedules(ARRAY(SELECT "scheduleId" FROM "OnCallRotation" WHERE id = ANY(rotation_ids)))\x3B
  RETURN NULL\x3B
END\x3B
';

-- Holidays (and the calendar name) belong to every schedule that uses the calendar.
CREATE FUNCTION runwell_oncall_holiday_changed() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  calendar_ids text[]\x3B
BEGIN
  IF TG_TABLE_NAME = \'HolidayCalendar\' THEN
    calendar_ids := ARRAY[NEW.id]\x3B
  ELSE
    IF TG_OP <> \'DELETE\' THEN calendar_ids := array_append(calendar_ids, NEW."calendarId")\x3B END IF\x3B
    IF TG_OP <> \'INSERT\' THEN calendar_ids := array_append(calendar_ids, OLD."calendarId")\x3B END IF\x3B
  END IF\x3B
  PERFORM runwell_oncall_bump_schedules(ARRAY(SELECT id FROM "OnCallSchedule" WHERE "holidayCalendarId" = ANY(calendar_ids)))\x3B
  RETURN NULL\x3B
END\x3B
';

-- Leave rows, and people whose name or email changed.
CREATE FUNCTION runwell_oncall_person_changed() RETURNS trigger
LANGUAGE plpgsql AS E'
DECLARE
  person_ids text[]\x3B
BEGIN
  IF TG_TABLE_NAME = \'Person\' THEN
    person_ids := ARRAY[NEW.id]\x3B
  ELSE
    IF TG_OP <> \'DELETE\' THEN person_ids := array_append(person_ids, NEW."personId")\x3B END IF\x3B
    IF TG_OP <> \'INSERT\' THEN person_ids := array_append(person_ids, OLD."personId")\x3B END IF\x3B
  END IF\x3B
  PERFORM runwell_oncall_bump_people(person_ids)\x3B
  RETURN NULL\x3B
END\x3B
';

-- A team's or domain's name is its schedule's owner name.
CREATE FUNCTION runwell_oncall_owner_renamed() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  IF TG_TABLE_NAME = \'Team\' THEN
    PERFORM runwell_oncall_bump_schedules(ARRAY(SELECT id FROM "OnCallSchedule" WHERE "teamId" = NEW.id))\x3B
  ELSE
    PERFORM runwell_oncall_bump_schedules(ARRAY(SELECT id FROM "OnCallSchedule" WHERE "domainId" = NEW.id))\x3B
  END IF\x3B
  RETURN NULL\x3B
END\x3B
';

CREATE TRIGGER "OnCallSchedule_version" BEFORE INSERT OR UPDATE ON "OnCallSchedule"
  FOR EACH ROW EXECUTE FUNCTION runwell_oncall_schedule_stamp();
CREATE TRIGGER "OnCallRotation_version" AFTER INSERT OR UPDATE OR DELETE ON "OnCallRotation"
  FOR EACH ROW EXECUTE FUNCTION runwell_oncall_child_changed();
CREATE TRIGGER "OnCallOverride_version" AFTER INSERT OR UPDATE OR DELETE ON "OnCallOverride"
  FOR EACH ROW EXECUTE FUNCTION runwell_oncall_child_changed();
CREATE TRIGGER "OnCallOptOut_version" AFTER INSERT OR UPDATE OR DELETE ON "OnCallOptOut"
  FOR EACH ROW EXECUTE FUNCTION runwell_oncall_child_changed();
CREATE TRIGGER "OnCallParticipant_version" AFTER INSERT OR UPDATE OR DELETE ON "OnCallParticipant"
  FOR EACH ROW EXECUTE FUNCTION runwell_oncall_participant_changed();
CREATE TRIGGER "Holiday_oncall_version" AFTER INSERT OR UPDATE OR DELETE ON "Holiday"
  FOR EACH ROW EXECUTE FUNCTION runwell_oncall_holiday_changed();
CREATE TRIGGER "HolidayCalendar_oncall_version" AFTER UPDATE OF name ON "HolidayCalendar"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION runwell_oncall_holiday_changed();
CREATE TRIGGER "OnCallLeave_oncall_version" AFTER INSERT OR UPDATE OR DELETE ON "OnCallLeave"
  FOR EACH ROW EXECUTE FUNCTION runwell_oncall_person_changed();
CREATE TRIGGER "Person_oncall_version" AFTER UPDATE OF name, email ON "Person"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email) EXECUTE FUNCTION runwell_oncall_person_changed();
CREATE TRIGGER "Team_oncall_version" AFTER UPDATE OF name ON "Team"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION runwell_oncall_owner_renamed();
CREATE TRIGGER "Domain_oncall_version" AFTER UPDATE OF name ON "Domain"
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION runwell_oncall_owner_renamed();

-- Truncating a table bypasses row triggers: every schedule takes a new stamp.
CREATE FUNCTION runwell_oncall_truncated() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "OnCallSchedule" SET "version" = nextval(\'runwell_oncall_version_seq\')\x3B
  RETURN NULL\x3B
END\x3B
';
CREATE TRIGGER "OnCallRotation_truncate_version" AFTER TRUNCATE ON "OnCallRotation" FOR EACH STATEMENT EXECUTE FUNCTION runwell_oncall_truncated();
CREATE TRIGGER "OnCallParticipant_truncate_version" AFTER TRUNCATE ON "OnCallParticipant" FOR EACH STATEMENT EXECUTE FUNCTION runwell_oncall_truncated();
CREATE TRIGGER "OnCallOverride_truncate_version" AFTER TRUNCATE ON "OnCallOverride" FOR EACH STATEMENT EXECUTE FUNCTION runwell_oncall_truncated();
CREATE TRIGGER "OnCallOptOut_truncate_version" AFTER TRUNCATE ON "OnCallOptOut" FOR EACH STATEMENT EXECUTE FUNCTION runwell_oncall_truncated();
CREATE TRIGGER "Holiday_truncate_oncall_version" AFTER TRUNCATE ON "Holiday" FOR EACH STATEMENT EXECUTE FUNCTION runwell_oncall_truncated();
CREATE TRIGGER "OnCallLeave_truncate_oncall_version" AFTER TRUNCATE ON "OnCallLeave" FOR EACH STATEMENT EXECUTE FUNCTION runwell_oncall_truncated();

-- Who-is-on-call's list of services (slug, name, target, team, the team's name and domain) is cached
-- under the "services" stamp: one statement-level bump per statement that changes services or teams.
-- BEFORE the statement: a writer takes the stamp row's lock before any service or team row lock, so two
-- transactions writing several services cannot deadlock on it. Readers that find no stamp row do not cache.
CREATE FUNCTION runwell_services_changed() RETURNS trigger
LANGUAGE plpgsql AS E'
BEGIN
  UPDATE "CacheStamp" SET "version" = nextval(\'runwell_oncall_version_seq\') WHERE key = \'services\'\x3B
  RETURN NULL\x3B
END\x3B
';
CREATE TRIGGER "Service_list_stamp" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Service"
  FOR EACH STATEMENT EXECUTE FUNCTION runwell_services_changed();
CREATE TRIGGER "Team_services_list_stamp" BEFORE INSERT OR DELETE OR TRUNCATE OR UPDATE OF name, "domainId" ON "Team"
  FOR EACH STATEMENT EXECUTE FUNCTION runwell_services_changed();
INSERT INTO "CacheStamp" (key, "version") VALUES ('services', nextval('runwell_oncall_version_seq'));

-- Existing schedules take a stamp too.
UPDATE "OnCallSchedule" SET "version" = nextval('runwell_oncall_version_seq');
