// Seeds the database at DATABASE_URL with the demo organisation, unless it already has people.
//   DATABASE_URL=... npx tsx scripts/seed-demo.ts
import { db } from "../lib/db";
import { env } from "../lib/env";
import { databaseIsEmpty } from "../lib/runtime/prepare-database";
import { DEMO_PASSWORD, DEMO_USERS, seedDemoOrganisation } from "../prisma/seed/demo";

async function main() {
  if (!(await databaseIsEmpty(env().DATABASE_URL))) {
    console.log("The database already has people: not seeding the demo organisation.");
    return;
  }
  try {
    await seedDemoOrganisation(db());
  } finally {
    await db().$disconnect();
  }
  console.log(`Seeded the demo organisation: sign in as ${Object.values(DEMO_USERS).join(", ")} with "${DEMO_PASSWORD}".`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
