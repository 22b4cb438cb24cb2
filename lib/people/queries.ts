// Reads for the people directory. Never selects passwordHash: only the sign-in check needs it.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Role } from "../generated/prisma/enums.ts";
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";
import type { TPeopleFilters } from "./schemas";

export type PersonTeamRef = { slug: string; name: string; isLead: boolean };

export type PersonListItem = {
  id: string;
  name: string;
  email: string;
  role: Role;
  isIncidentManager: boolean;
  teams: PersonTeamRef[];
};

const listSelect = {
  id: true, name: true, email: true, role: true, isIncidentManager: true,
  memberships: {
    orderBy: { team: { name: "asc" } },
    select: { isLead: true, team: { select: { slug: true, name: true } } },
  },
} satisfies Prisma.PersonSelect;

function teamsOf(memberships: { isLead: boolean; team: { slug: string; name: string } }[]): PersonTeamRef[] {
  return memberships.map(({ isLead, team }) => ({ ...team, isLead }));
}

/** A directory, not an export: large organisations narrow it with the search box. */
const LIST_LIMIT = 200;

/** Active people matching the filters, by name; `truncated` says the list was cut at the limit. */
export async function searchPeople(
  prisma: Db,
  actor: Actor,
  filters: TPeopleFilters,
): Promise<{ people: PersonListItem[]; truncated: boolean }> {
  authorize(actor, "catalog.read");
  const where: Prisma.PersonWhereInput = { deactivatedAt: null };
  if (filters.role) where.role = filters.role;
  if (filters.q) {
    where.OR = [
      { name: { contains: filters.q, mode: "insensitive" } },
      { email: { contains: filters.q, mode: "insensitive" } },
    ];
  }
  const rows = await prisma.person.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: LIST_LIMIT + 1,
    select: listSelect,
  });
  const people = rows.slice(0, LIST_LIMIT).map(({ memberships, ...person }) => ({ ...person, teams: teamsOf(memberships) }));
  return { people, truncated: rows.length > LIST_LIMIT };
}

export type PersonDetail = Omit<PersonListItem, "teams"> & {
  teams: (PersonTeamRef & { domainName: string | null })[];
  deactivated: boolean;
  createdAt: Date;
};

export async function getPerson(prisma: Db, actor: Actor, id: string): Promise<PersonDetail | null> {
  authorize(actor, "catalog.read");
  const person = await prisma.person.findUnique({
    where: { id },
    select: {
      id: true, name: true, email: true, role: true, isIncidentManager: true, deactivatedAt: true, createdAt: true,
      memberships: {
        orderBy: { team: { name: "asc" } },
        select: { isLead: true, team: { select: { slug: true, name: true, domain: { select: { name: true } } } } },
      },
    },
  });
  if (!person) return null;
  const { memberships, deactivatedAt, ...rest } = person;
  return {
    ...rest,
    deactivated: deactivatedAt !== null,
    teams: memberships.map(({ isLead, team }) => ({ slug: team.slug, name: team.name, isLead, domainName: team.domain?.name ?? null })),
  };
}
