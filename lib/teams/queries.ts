// Reads for teams. The catalog (who owns what) is open to every signed-in person.
import type { Prisma } from "../generated/prisma/client.ts";
import type { AvailabilityTarget, DeploymentTarget, Lifecycle, Role, ServiceTier } from "../generated/prisma/enums.ts";
import type { Actor } from "../auth/actor";
import { authorize } from "../authz/can";
import type { Db } from "../db";

export type DomainRef = { slug: string; name: string };

export type TeamSummary = {
  id: string;
  slug: string;
  name: string;
  domain: DomainRef | null;
  /** Active people only: deactivated members cannot take a shift. */
  memberCount: number;
  /** Services in the catalog; archived ones no longer need running. */
  serviceCount: number;
};

const activeMembers = { where: { person: { deactivatedAt: null } } } as const;
const liveServices = { where: { archivedAt: null } } as const;

const summarySelect = {
  id: true, slug: true, name: true,
  domain: { select: { slug: true, name: true } },
  _count: { select: { members: activeMembers, services: liveServices } },
} satisfies Prisma.TeamSelect;

function toSummary({ _count, ...team }: Prisma.TeamGetPayload<{ select: typeof summarySelect }>): TeamSummary {
  return { ...team, memberCount: _count.members, serviceCount: _count.services };
}

/** All teams, or only those with the given ids (a person's own teams). */
export async function listTeams(prisma: Db, actor: Actor, options: { ids?: readonly string[] } = {}): Promise<TeamSummary[]> {
  authorize(actor, "catalog.read");
  if (options.ids && options.ids.length === 0) return [];
  const rows = await prisma.team.findMany({
    where: options.ids ? { id: { in: [...options.ids] } } : {},
    orderBy: { name: "asc" },
    select: summarySelect,
  });
  return rows.map(toSummary);
}

export type DomainGroup = { domain: DomainRef | null; teams: TeamSummary[] };

/** Teams grouped by domain (domains A–Z), with teams outside any domain last. */
export async function listTeamsByDomain(prisma: Db, actor: Actor): Promise<DomainGroup[]> {
  const teams = await listTeams(prisma, actor);
  const groups = new Map<string, DomainGroup>();
  for (const team of teams) {
    const key = team.domain?.slug ?? "";
    const group = groups.get(key) ?? { domain: team.domain, teams: [] };
    group.teams.push(team);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.domain || !b.domain) return a.domain ? -1 : b.domain ? 1 : 0;
    return a.domain.name.localeCompare(b.domain.name);
  });
}

export type TeamMember = {
  personId: string;
  name: string;
  email: string;
  role: Role;
  isLead: boolean;
  isIncidentManager: boolean;
};

export type TeamService = {
  slug: string;
  name: string;
  tier: ServiceTier;
  lifecycle: Lifecycle;
  availabilityTarget: AvailabilityTarget;
  deploymentTarget: DeploymentTarget;
};

export type TeamDetail = {
  id: string;
  slug: string;
  name: string;
  description: string;
  chatChannel: string | null;
  domain: DomainRef | null;
  members: TeamMember[];
  services: TeamService[];
};

export async function getTeamBySlug(prisma: Db, actor: Actor, slug: string): Promise<TeamDetail | null> {
  authorize(actor, "catalog.read");
  const team = await prisma.team.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, description: true, chatChannel: true,
      domain: { select: { slug: true, name: true } },
      members: {
        ...activeMembers,
        orderBy: [{ isLead: "desc" }, { person: { name: "asc" } }],
        select: {
          isLead: true,
          person: { select: { id: true, name: true, email: true, role: true, isIncidentManager: true } },
        },
      },
      services: {
        ...liveServices,
        orderBy: { name: "asc" },
        select: { slug: true, name: true, tier: true, lifecycle: true, availabilityTarget: true, deploymentTarget: true },
      },
    },
  });
  if (!team) return null;
  return {
    ...team,
    members: team.members.map(({ isLead, person }) => ({
      personId: person.id,
      name: person.name,
      email: person.email,
      role: person.role,
      isLead,
      isIncidentManager: person.isIncidentManager,
    })),
  };
}
