-- One follow-up item per LOW-impact incident, not one item per (incident, source): a review's several
-- actions link the same incident, and so may several items a team typed by hand.
DROP INDEX "BacklogItem_incidentId_source_key";

CREATE INDEX "BacklogItem_incidentId_idx" ON "BacklogItem"("incidentId");

-- Partial unique index (Prisma cannot express it): at most one item created by each incident.
CREATE UNIQUE INDEX "rw_manual_backlog_incident_item" ON "BacklogItem"("incidentId") WHERE "source" = 'INCIDENT';
