// Where the portal, the CLI and scripts find their database: DATABASE_URL when set,
// otherwise the embedded PostgreSQL (started here, or reused if the portal already runs it).
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded-postgres";

export type ResolvedDatabase = EmbeddedDatabase & { embedded: boolean };

export async function resolveDatabase(log: (line: string) => void): Promise<ResolvedDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, owned: false, embedded: false, stop: async () => {} };
  const embedded = await startEmbeddedPostgres(log);
  return { ...embedded, embedded: true };
}
