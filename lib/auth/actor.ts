import type { Role } from "../generated/prisma/enums.ts";

/** Who is acting: a signed-in person, an API token, an operator at the CLI, or the system itself. */
export type Actor =
  | {
      kind: "PERSON";
      id: string;
      name: string;
      email: string;
      role: Role;
      isIncidentManager: boolean;
      teamIds: string[];
    }
  | { kind: "TOKEN"; id: string; label: string; scopes: string[]; serviceId: string | null }
  | { kind: "CLI"; label: string }
  | { kind: "SYSTEM"; label: string };

export type PersonActor = Extract<Actor, { kind: "PERSON" }>;

export function actorLabel(actor: Actor): string {
  return actor.kind === "PERSON" ? `${actor.name} <${actor.email}>` : actor.label;
}

export function actorId(actor: Actor): string | null {
  return actor.kind === "PERSON" || actor.kind === "TOKEN" ? actor.id : null;
}

export function cliActor(): Actor {
  const user = process.env.USER ?? "operator";
  return { kind: "CLI", label: `cli:${user}` };
}
