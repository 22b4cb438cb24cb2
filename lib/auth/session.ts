// Resolves who is calling, for pages, server actions and route handlers.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { connection } from "next/server";
import { AppError } from "../errors";
import { limitApiCaller } from "../http/rate-limit";
import type { Actor, PersonActor } from "./actor";
import { authOptions } from "./options";
import { actorForBearerToken } from "./api-tokens";
import { readSessionPerson } from "./person-lookup";

async function personActor(personId: string): Promise<PersonActor | null> {
  const person = await readSessionPerson(personId);
  if (!person || person.deactivated) return null;
  return {
    kind: "PERSON",
    id: person.id,
    name: person.name,
    email: person.email,
    role: person.role,
    isIncidentManager: person.isIncidentManager,
    teamIds: person.teamIds,
  };
}

/** The signed-in person, or null. Cached per request: layout, page and metadata share one lookup. */
export const currentPerson = cache(async (): Promise<PersonActor | null> => {
  // Marks the page as per-request before authOptions() reads the environment: `next build` has none.
  await connection();
  const session = await getServerSession(authOptions());
  return session?.user?.id ? personActor(session.user.id) : null;
});

/** For pages: the signed-in person, or a redirect to sign-in. */
export async function requirePerson(): Promise<PersonActor> {
  const person = await currentPerson();
  if (!person) redirect("/sign-in");
  return person;
}

/** For server actions: the signed-in person, or an UNAUTHENTICATED error. */
export async function personForAction(): Promise<PersonActor> {
  const person = await currentPerson();
  if (!person) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return person;
}

/** For API route handlers: a bearer token if one is sent, else the session. */
export async function apiActor(): Promise<Actor> {
  const authorization = (await headers()).get("authorization");
  if (authorization?.toLowerCase().startsWith("bearer ")) {
    const actor = await actorForBearerToken(authorization.slice(7).trim());
    if (!actor) throw new AppError("UNAUTHENTICATED", "The API token is invalid, expired or revoked.");
    await limitApiCaller(actor);
    return actor;
  }
  const person = await currentPerson();
  if (!person) throw new AppError("UNAUTHENTICATED", "Sign in or send an API token as 'Authorization: Bearer <token>'.");
  return person;
}
