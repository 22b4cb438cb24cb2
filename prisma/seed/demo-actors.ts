// Who did what in the demo: its people act as themselves (PersonActor, as a signed-in session would),
// and each service's pipeline reports and asks the gate with its own API token, as in production.
import { generateTokenSecret, hashToken } from "../../lib/auth/api-tokens";
import type { Actor, PersonActor } from "../../lib/auth/actor";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";
import type { DbTx } from "../../lib/db";

/** The demo's people as actors, by email. */
export async function demoPeople(tx: DbTx): Promise<(email: string) => PersonActor> {
  const people = await tx.person.findMany({
    where: { email: { endsWith: "@runwell.local" } },
    select: { id: true, name: true, email: true, role: true, isIncidentManager: true, memberships: { select: { teamId: true } } },
  });
  const byEmail = new Map(people.map(({ memberships, ...person }) => [person.email, { kind: "PERSON" as const, ...person, teamIds: memberships.map((m) => m.teamId) }]));
  return (email) => {
    const actor = byEmail.get(email);
    if (!actor) throw new Error(`Demo person ${email} was not created`);
    return actor;
  };
}

const PIPELINE_SCOPES = ["deployments:write", "gate:read", "health:write"];

/**
 * One pipeline token per service, made by its team's lead as createApiToken would (the secret is
 * thrown away: nobody can use these tokens). Returns the token actor of each service by id.
 */
export async function createPipelineTokens(
  tx: DbTx,
  services: { id: string; slug: string; lead: PersonActor }[],
  at: Date,
): Promise<Map<string, Actor>> {
  const actors = new Map<string, Actor>();
  for (const service of services) {
    const secret = generateTokenSecret();
    const created = await tx.apiToken.create({
      data: { name: `${service.slug} pipeline`, prefix: secret.slice(0, 10), tokenHash: hashToken(secret), scopes: PIPELINE_SCOPES, serviceId: service.id, createdById: service.lead.id, createdAt: at },
      select: { id: true, name: true, prefix: true, scopes: true, serviceId: true, expiresAt: true },
    });
    await recordAuditEvent(tx, service.lead, { action: "api-token.create", entityType: "ApiToken", entityId: created.id, after: created, occurredAt: at });
    actors.set(service.id, { kind: "TOKEN", id: created.id, label: `token:${created.name} (${created.prefix}…)`, scopes: created.scopes, serviceId: service.id });
  }
  return actors;
}
