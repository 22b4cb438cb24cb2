// Starts the embedded PostgreSQL on its own and prints its URL, for running Prisma commands by hand:
//   npm run db   (then, in another shell, DATABASE_URL=<printed url> node scripts/prisma.mjs ...)
import { startEmbeddedPostgres } from "../lib/runtime/embedded-postgres";

async function main() {
  const database = await startEmbeddedPostgres((line) => console.error(line));
  console.log(database.url);
  if (!database.owned) return;
  const stop = async () => {
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => {}, 1 << 30);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
