-- The organisation's currency becomes one setting (OrganisationSettings, lib/settings/), shown on every
-- money figure, instead of a currency per team's pay policy that nothing else knew about. An existing
-- organisation keeps what its pay report showed: the currency most of its pay policies used. With no
-- policies there is no row, and the default applies (RUNWELL_CURRENCY or the server's locale).
CREATE TABLE "OrganisationSettings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "currency" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganisationSettings_pkey" PRIMARY KEY ("id")
);

INSERT INTO "OrganisationSettings" ("id", "currency", "updatedAt")
SELECT 1, "currency", CURRENT_TIMESTAMP FROM "OnCallPayPolicy"
 GROUP BY "currency" ORDER BY count(*) DESC, "currency" LIMIT 1;

ALTER TABLE "OnCallPayPolicy" DROP COLUMN "currency";
