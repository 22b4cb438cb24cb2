// The signed-in person, read on every page view twice (next-auth's session callback, then the actor
// for authorisation): one prepared statement, shared by both within a request. Through the ORM these
// two reads cost its query compiler a few milliseconds a view (docs/PERFORMANCE.md).
import { cache } from "react";
import { db, preparedStatement, runPrepared } from "../db";
import type { Role } from "../generated/prisma/enums.ts";

export type SessionPerson = {
  id: string;
  name: string;
  email: string;
  role: Role;
  isIncidentManager: boolean;
  deactivated: boolean;
  teamIds: string[];
};

async function read(personId: string): Promise<SessionPerson | null> {
  const [row] = await runPrepared<SessionPerson>(db(), preparedStatement("session-person", (p) => `
    SELECT p.id, p.name, p.email, p.role::text AS role, p."isIncidentManager", p."deactivatedAt" IS NOT NULL AS deactivated,
           COALESCE(array_agg(m."teamId" ORDER BY m."teamId") FILTER (WHERE m."teamId" IS NOT NULL), '{}') AS "teamIds"
      FROM "Person" p LEFT JOIN "TeamMembership" m ON m."personId" = p.id
     WHERE p.id = ${p(personId)}::text
     GROUP BY p.id`));
  return row ?? null;
}

/** Per request (React cache): the session callback and the actor lookup share one read. */
export const readSessionPerson = cache(read);
