-- Webhooks: enabled flag, and the delivery log's attempt count, last answer, next attempt, claim and retry round (lib/webhooks/).
-- AlterTable
ALTER TABLE "Webhook" ADD COLUMN     "enabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "claimedUntil" TIMESTAMP(3),
ADD COLUMN     "givenUpAt" TIMESTAMP(3),
ADD COLUMN     "lastAttemptAt" TIMESTAMP(3),
ADD COLUMN     "lastDurationMs" INTEGER,
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "lastStatusCode" INTEGER,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "roundAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "roundStartedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;


-- The new "webhooks" subscriber starts at the end of the outbox: no webhook existed before this
-- migration, so the history it would otherwise walk once holds nothing for it.
INSERT INTO "EventCursor" (subscriber, "lastSeq", "updatedAt") SELECT 'webhooks', COALESCE(max(seq), 0), now() FROM "DomainEvent" ON CONFLICT DO NOTHING;
