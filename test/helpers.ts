// Shared helpers for tests: the run's database and actors to act as. Data comes from prisma/seed/factories.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { inject } from "vitest";
import type { Actor, PersonActor } from "../lib/auth/actor";
import { db } from "../lib/db";
import { PrismaClient } from "../lib/generated/prisma/client.ts";
import type { Role } from "../lib/generated/prisma/enums.ts";

/** The run's fresh database (test/global-setup.ts), shared by every test file: create unique data. */
export function testDb(): PrismaClient {
  return db();
}

/**
 * A client for the audit-chain database, which only lib/audit/audit-chain.test.ts uses: whole-chain
 * checks and tampering there cannot disturb files running in parallel. Disconnect it in afterAll.
 */
export function auditChainDb(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: inject("auditDatabaseUrl"), max: 20 }) });
}

export type PersonActorInput = {
  role?: Role;
  teamIds?: string[];
  isIncidentManager?: boolean;
  id?: string;
  name?: string;
};

/** A signed-in person; without an id it is not a row in the database (enough for authorisation rules). */
export function personActor(input: PersonActorInput = {}): PersonActor {
  const id = input.id ?? `test-person-${randomBytes(6).toString("hex")}`;
  const role = input.role ?? "ENGINEER";
  return {
    kind: "PERSON",
    id,
    name: input.name ?? `Test ${role.toLowerCase().replace("_", " ")}`,
    email: `${id}@example.test`,
    role,
    isIncidentManager: input.isIncidentManager ?? false,
    teamIds: input.teamIds ?? [],
  };
}

/** The actor for a person made by `createPerson`, so audit events name a real row. */
export function actorFor(person: {
  id: string;
  name: string;
  email: string;
  role: Role;
  isIncidentManager: boolean;
  teamIds: string[];
}): PersonActor {
  return { kind: "PERSON", ...person };
}

export const adminActor = (): PersonActor => personActor({ role: "ADMIN" });

export function tokenActor(input: { scopes?: string[]; serviceId?: string | null } = {}): Actor {
  const id = `test-token-${randomBytes(6).toString("hex")}`;
  return { kind: "TOKEN", id, label: `token:${id}`, scopes: input.scopes ?? [], serviceId: input.serviceId ?? null };
}

export const cliTestActor = (): Actor => ({ kind: "CLI", label: "cli:test" });
export const systemTestActor = (): Actor => ({ kind: "SYSTEM", label: "test" });
