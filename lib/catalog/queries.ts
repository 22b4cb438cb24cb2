// Reads for the service catalog. Anyone signed in (or any API token) may read the catalog.
import type { Prisma } from "../generated/prisma/client.ts";
import type { AvailabilityTarget, DeploymentTarget, Lifecycle, ServiceLinkKind, ServiceTier } from "../generated/prisma/enums.ts";
import type { Db } from "../db";
import { bandForLoss, onCallLevel, targetVersusBand, type ExposureBandRule, type OnCallLevel, type TargetVersusBand } from "./availability";
import type { TServiceFilters } from "./schemas";
import { assembleServicePage, SERVICE_PAGE_SIZE, type ServiceListQuery } from "./service-list";

export type ServiceListItem = {
  id: string;
  slug: string;
  name: string;
  description: string;
  team: { id: string; slug: string; name: string };
  domain: { slug: string; name: string } | null;
  tier: ServiceTier;
  lifecycle: Lifecycle;
  availabilityTarget: AvailabilityTarget;
  deploymentTarget: DeploymentTarget;
  onCallLevel: OnCallLevel;
  archived: boolean;
};

const listSelect = {
  id: true, slug: true, name: true, description: true, tier: true, lifecycle: true,
  availabilityTarget: true, deploymentTarget: true, archivedAt: true,
  team: { select: { id: true, slug: true, name: true, domain: { select: { slug: true, name: true } } } },
} satisfies Prisma.ServiceSelect;

function filterWhere(filters: TServiceFilters): Prisma.ServiceWhereInput {
  const where: Prisma.ServiceWhereInput = {};
  if (filters.archived === "only") where.archivedAt = { not: null };
  else if (filters.archived !== "include") where.archivedAt = null;
  if (filters.team) where.team = { slug: filters.team };
  if (filters.domain) where.team = { ...(where.team as object), domain: { slug: filters.domain } };
  if (filters.tier) where.tier = filters.tier;
  if (filters.target) where.availabilityTarget = filters.target;
  if (filters.lifecycle) where.lifecycle = filters.lifecycle;
  if (filters.q) {
    where.OR = [
      { name: { contains: filters.q, mode: "insensitive" } },
      { slug: { contains: filters.q, mode: "insensitive" } },
      { description: { contains: filters.q, mode: "insensitive" } },
      { team: { name: { contains: filters.q, mode: "insensitive" } } },
    ];
  }
  return where;
}

type ListRow = Prisma.ServiceGetPayload<{ select: typeof listSelect }>;

const toListItem = ({ team, archivedAt, ...row }: ListRow): ServiceListItem => ({
  ...row,
  team: { id: team.id, slug: team.slug, name: team.name },
  domain: team.domain,
  onCallLevel: onCallLevel(row.availabilityTarget).level,
  archived: archivedAt !== null,
});

/** Every service the filters match, by team then name (the API's list; the page reads listServicesPage). */
export async function listServices(prisma: Db, filters: TServiceFilters = {}): Promise<ServiceListItem[]> {
  const rows = await prisma.service.findMany({
    where: filterWhere(filters),
    orderBy: [{ team: { name: "asc" } }, { name: "asc" }, { id: "asc" }],
    select: listSelect,
  });
  return rows.map(toListItem);
}

/** Rows strictly after (or before) a row in the (team name, name, id) order. */
function beyond(at: { id: string; name: string; team: string }, direction: "after" | "before"): Prisma.ServiceWhereInput {
  const op = direction === "after" ? "gt" : "lt";
  return {
    OR: [
      { team: { name: { [op]: at.team } } },
      { team: { name: at.team }, name: { [op]: at.name } },
      { team: { name: at.team }, name: at.name, id: { [op]: at.id } },
    ],
  };
}

/**
 * One page of the catalogue, by team then name, with the number of services the filters match: the
 * cursor row's names, then two bounded reads (the page and a count), whatever the page. A cursor whose
 * service is gone starts from the top.
 */
export async function listServicesPage(prisma: Db, query: ServiceListQuery, size = SERVICE_PAGE_SIZE) {
  const where = filterWhere(query.filters);
  const cursorId = query.before ?? query.after;
  const cursorRow = cursorId ? await prisma.service.findUnique({ where: { id: cursorId }, select: { id: true, name: true, team: { select: { name: true } } } }) : null;
  const cursor = cursorRow ? { id: cursorRow.id, name: cursorRow.name, team: cursorRow.team.name } : null;
  const direction = cursor && query.before ? "before" : "after";
  const order = direction === "after" ? "asc" : "desc";
  const [rows, total] = await Promise.all([
    prisma.service.findMany({
      where: cursor ? { AND: [where, beyond(cursor, direction)] } : where,
      orderBy: [{ team: { name: order } }, { name: order }, { id: order }],
      take: size + 1,
      select: listSelect,
    }),
    prisma.service.count({ where }),
  ]);
  const page = assembleServicePage(rows.map(toListItem), size, direction, Boolean(cursor));
  return { ...page, total };
}

export async function catalogFilterOptions(prisma: Db) {
  const [teams, domains] = await Promise.all([
    prisma.team.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } }),
    prisma.domain.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
  ]);
  return { teams, domains };
}

export async function exposureBands(prisma: Db): Promise<ExposureBandRule[]> {
  return prisma.exposureBand.findMany({
    orderBy: { minLossPerHour: "asc" },
    select: { name: true, minLossPerHour: true, availabilityTarget: true },
  });
}

export type ServiceDetail = ServiceListItem & {
  maxLossPerHour: number;
  targetJustification: string | null;
  repositoryUrl: string | null;
  links: { id: string; kind: ServiceLinkKind; label: string; url: string }[];
  team: ServiceListItem["team"] & {
    chatChannel: string | null;
    members: { id: string; name: string; email: string; role: string; isLead: boolean }[];
  };
  band: ExposureBandRule | null;
  /** Above or below what the band suggests: either needs the written justification. */
  targetVersusBand: TargetVersusBand;
  onCallReason: string;
  createdAt: Date;
  updatedAt: Date;
};

export async function getServiceBySlug(prisma: Db, slug: string): Promise<ServiceDetail | null> {
  const [row, bands] = await Promise.all([
    prisma.service.findUnique({
      where: { slug },
      select: {
        ...listSelect,
        maxLossPerHour: true, targetJustification: true, repositoryUrl: true, createdAt: true, updatedAt: true,
        links: { orderBy: { position: "asc" }, select: { id: true, kind: true, label: true, url: true } },
        team: {
          select: {
            id: true, slug: true, name: true, chatChannel: true, domain: { select: { slug: true, name: true } },
            members: {
              orderBy: [{ isLead: "desc" }, { person: { name: "asc" } }],
              select: { isLead: true, person: { select: { id: true, name: true, email: true, role: true } } },
            },
          },
        },
      },
    }),
    exposureBands(prisma),
  ]);
  if (!row) return null;
  const { team, archivedAt, ...service } = row;
  const onCall = onCallLevel(service.availabilityTarget);
  return {
    ...service,
    team: {
      id: team.id, slug: team.slug, name: team.name, chatChannel: team.chatChannel,
      members: team.members.map((member) => ({ ...member.person, isLead: member.isLead })),
    },
    domain: team.domain,
    archived: archivedAt !== null,
    onCallLevel: onCall.level,
    onCallReason: onCall.reason,
    band: bandForLoss(bands, service.maxLossPerHour),
    targetVersusBand: targetVersusBand(bands, service.maxLossPerHour, service.availabilityTarget),
  };
}

/** The editable fields of a service, for the edit form. */
export async function getServiceForEdit(prisma: Db, slug: string) {
  return prisma.service.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, name: true, description: true, teamId: true, lifecycle: true, tier: true,
      maxLossPerHour: true, availabilityTarget: true, targetJustification: true, deploymentTarget: true,
      repositoryUrl: true, archivedAt: true,
      links: { orderBy: { position: "asc" }, select: { kind: true, label: true, url: true } },
    },
  });
}
