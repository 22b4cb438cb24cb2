// Realistic rows for the demo seed and the tests, each written with its audit event (seeds are audited too).
// Pass a transaction client so a row and its event commit together. Defaults are unique per call
// (a counter plus a random suffix), so tests can create as many rows as they like in one shared database.
import { randomBytes } from "node:crypto";
import type { Actor } from "../../lib/auth/actor";
import { hashPassword } from "../../lib/auth/password";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";
import type { DbTx } from "../../lib/db";
import { membershipEntityId } from "../../lib/teams/manage-membership";
import type {
  AvailabilityTarget,
  DeploymentTarget,
  Lifecycle,
  Role,
  ServiceLinkKind,
  ServiceTier,
} from "../../lib/generated/prisma/enums.ts";

export const SEED_ACTOR: Actor = { kind: "SYSTEM", label: "demo-seed" };

let counter = 0;

/** "checkout-7-3fa9c1": readable in a failing test, unique across parallel test workers. */
export function uniqueSlug(base: string): string {
  counter += 1;
  return `${slugify(base)}-${counter}-${randomBytes(3).toString("hex")}`;
}

function slugify(text: string): string {
  return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function pick<T>(values: readonly T[]): T {
  return values[counter % values.length] as T;
}

const DOMAIN_NAMES = ["Payments", "Customer", "Logistics", "Marketplace", "Platform"] as const;
const TEAM_NAMES = ["Checkout", "Ledger", "Search", "Pricing", "Fulfilment", "Identity", "Messaging"] as const;
const SERVICE_NAMES = ["Order API", "Stock Levels", "Invoice Renderer", "Fraud Scoring", "Address Lookup"] as const;
const FIRST_NAMES = ["Alex", "Sam", "Jordan", "Noor", "Mei", "Kofi", "Elena", "Ravi", "Ingrid", "Tariq"] as const;
const LAST_NAMES = ["Morgan", "Okoye", "Lindberg", "Haddad", "Chen", "Kowalski", "Ferreira", "Iyer"] as const;

// ---------------------------------------------------------------------------------------------- org

export type DomainOverrides = { slug?: string; name?: string; description?: string };

export async function createDomain(tx: DbTx, overrides: DomainOverrides = {}, actor: Actor = SEED_ACTOR) {
  const name = overrides.name ?? pick(DOMAIN_NAMES);
  const domain = await tx.domain.create({
    data: { slug: overrides.slug ?? uniqueSlug(name), name, description: overrides.description ?? `The ${name} domain.` },
    select: { id: true, slug: true, name: true, description: true },
  });
  await recordAuditEvent(tx, actor, { action: "domain.create", entityType: "Domain", entityId: domain.id, after: domain });
  return domain;
}

export type TeamOverrides = {
  slug?: string;
  name?: string;
  description?: string;
  domainId?: string | null;
  chatChannel?: string | null;
};

export async function createTeam(tx: DbTx, overrides: TeamOverrides = {}, actor: Actor = SEED_ACTOR) {
  const name = overrides.name ?? pick(TEAM_NAMES);
  const slug = overrides.slug ?? uniqueSlug(name);
  const team = await tx.team.create({
    data: {
      slug,
      name,
      description: overrides.description ?? `${name} builds and runs its services.`,
      domainId: overrides.domainId ?? null,
      chatChannel: overrides.chatChannel ?? null,
    },
    select: { id: true, slug: true, name: true, description: true, domainId: true, chatChannel: true },
  });
  await recordAuditEvent(tx, actor, { action: "team.create", entityType: "Team", entityId: team.id, after: team });
  return team;
}

export type MembershipInput = { teamId: string; isLead?: boolean };

export type PersonOverrides = {
  email?: string;
  name?: string;
  role?: Role;
  isIncidentManager?: boolean;
  /** Only demo and break-glass users have one; hashed here, never audited. */
  password?: string;
  teams?: MembershipInput[];
};

export async function createPerson(tx: DbTx, overrides: PersonOverrides = {}, actor: Actor = SEED_ACTOR) {
  const name = overrides.name ?? `${pick(FIRST_NAMES)} ${LAST_NAMES[(counter * 7) % LAST_NAMES.length]}`;
  const email = (overrides.email ?? `${uniqueSlug(name).replace("-", ".")}@example.test`).toLowerCase();
  const person = await tx.person.create({
    data: {
      email,
      name,
      role: overrides.role ?? "ENGINEER",
      isIncidentManager: overrides.isIncidentManager ?? false,
      passwordHash: overrides.password === undefined ? null : hashPassword(overrides.password),
    },
    select: { id: true, email: true, name: true, role: true, isIncidentManager: true },
  });
  await recordAuditEvent(tx, actor, {
    action: "person.create",
    entityType: "Person",
    entityId: person.id,
    after: { ...person, hasPassword: overrides.password !== undefined },
  });
  for (const membership of overrides.teams ?? []) {
    await addMembership(tx, person.id, membership, actor);
  }
  return { ...person, teamIds: (overrides.teams ?? []).map((membership) => membership.teamId) };
}

export async function addMembership(tx: DbTx, personId: string, input: MembershipInput, actor: Actor = SEED_ACTOR) {
  const membership = await tx.teamMembership.create({
    data: { personId, teamId: input.teamId, isLead: input.isLead ?? false },
    select: { teamId: true, personId: true, isLead: true },
  });
  await recordAuditEvent(tx, actor, {
    action: "team-membership.create",
    entityType: "TeamMembership",
    entityId: membershipEntityId(membership.teamId, membership.personId),
    after: membership,
  });
  return membership;
}

/** Memberships have a composite key; audit events name them "<teamId>:<personId>". */
export { membershipEntityId };

// ------------------------------------------------------------------------------------------ catalog

export type ServiceLinkInput = { kind: ServiceLinkKind; label: string; url: string };

export type ServiceOverrides = {
  slug?: string;
  name?: string;
  description?: string;
  /** The owning team; a new team is created when omitted. */
  teamId?: string;
  lifecycle?: Lifecycle;
  tier?: ServiceTier;
  maxLossPerHour?: number;
  availabilityTarget?: AvailabilityTarget;
  targetJustification?: string | null;
  deploymentTarget?: DeploymentTarget;
  repositoryUrl?: string | null;
  links?: ServiceLinkInput[];
};

const serviceSelect = {
  id: true, slug: true, name: true, description: true, teamId: true, lifecycle: true, tier: true,
  maxLossPerHour: true, availabilityTarget: true, targetJustification: true, deploymentTarget: true, repositoryUrl: true,
} as const;

export async function createService(tx: DbTx, overrides: ServiceOverrides = {}, actor: Actor = SEED_ACTOR) {
  const teamId = overrides.teamId ?? (await createTeam(tx, {}, actor)).id;
  const name = overrides.name ?? pick(SERVICE_NAMES);
  const slug = overrides.slug ?? uniqueSlug(name);
  const service = await tx.service.create({
    data: {
      slug,
      name,
      description: overrides.description ?? `${name}: part of the factory-made catalog.`,
      teamId,
      lifecycle: overrides.lifecycle ?? "PRODUCTION",
      tier: overrides.tier ?? "TIER_3",
      // 2,500 an hour falls in the default "Medium" band, whose target is 99.0%: no justification needed.
      maxLossPerHour: overrides.maxLossPerHour ?? 2_500,
      availabilityTarget: overrides.availabilityTarget ?? "P99_0",
      targetJustification: overrides.targetJustification ?? null,
      deploymentTarget: overrides.deploymentTarget ?? "WEEKLY",
      repositoryUrl: overrides.repositoryUrl === undefined ? `https://git.runwell.local/services/${slug}` : overrides.repositoryUrl,
    },
    select: serviceSelect,
  });
  // Its target history starts with it, as createService in lib/catalog records it (lib/catalog/target-history.ts).
  await tx.serviceTargetChange.create({ data: { serviceId: service.id, target: service.availabilityTarget, effectiveFrom: new Date() } });
  await recordAuditEvent(tx, actor, { action: "service.create", entityType: "Service", entityId: service.id, after: service });
  const links = [];
  for (const [position, input] of (overrides.links ?? []).entries()) {
    const link = await tx.serviceLink.create({
      data: { serviceId: service.id, kind: input.kind, label: input.label, url: input.url, position },
      select: { id: true, serviceId: true, kind: true, label: true, url: true, position: true },
    });
    await recordAuditEvent(tx, actor, { action: "service-link.create", entityType: "ServiceLink", entityId: link.id, after: link });
    links.push(link);
  }
  return { ...service, links };
}

// ------------------------------------------------------------------- organisation-wide settings

export type ExposureBandInput = { name: string; minLossPerHour: number; availabilityTarget: AvailabilityTarget; description?: string };

export const DEFAULT_EXPOSURE_BANDS: readonly ExposureBandInput[] = [
  { name: "Low", minLossPerHour: 0, availabilityTarget: "P95_0", description: "Callouts can wait for the next working day." },
  { name: "Medium", minLossPerHour: 1_000, availabilityTarget: "P99_0", description: "Covered out of hours by the domain schedule." },
  { name: "High", minLossPerHour: 10_000, availabilityTarget: "P99_9", description: "Needs the team's own out-of-hours schedule." },
  { name: "Critical", minLossPerHour: 100_000, availabilityTarget: "P99_99", description: "Only for a genuine need, with a justification." },
];

/**
 * Bands are organisation-wide singletons (unique names and bounds), so this creates only the missing ones
 * and returns all that were asked for; parallel callers do not collide (ON CONFLICT DO NOTHING).
 */
export async function createExposureBands(
  tx: DbTx,
  bands: readonly ExposureBandInput[] = DEFAULT_EXPOSURE_BANDS,
  actor: Actor = SEED_ACTOR,
) {
  const select = { id: true, name: true, minLossPerHour: true, availabilityTarget: true, description: true } as const;
  const created = await tx.exposureBand.createManyAndReturn({
    data: bands.map((band) => ({ ...band, description: band.description ?? "" })),
    skipDuplicates: true,
    select,
  });
  for (const band of created) {
    await recordAuditEvent(tx, actor, { action: "exposure-band.create", entityType: "ExposureBand", entityId: band.id, after: band });
  }
  return tx.exposureBand.findMany({
    where: { name: { in: bands.map((band) => band.name) } },
    orderBy: { minLossPerHour: "asc" },
    select,
  });
}

export type EnvironmentInput = { slug: string; name: string; isProduction?: boolean; position?: number };

export const DEFAULT_ENVIRONMENTS: readonly EnvironmentInput[] = [
  { slug: "development", name: "Development", isProduction: false, position: 0 },
  { slug: "staging", name: "Staging", isProduction: false, position: 1 },
  { slug: "production", name: "Production", isProduction: true, position: 2 },
];

/** Like the bands: creates the missing environments (by slug) and returns all that were asked for. */
export async function createEnvironments(
  tx: DbTx,
  environments: readonly EnvironmentInput[] = DEFAULT_ENVIRONMENTS,
  actor: Actor = SEED_ACTOR,
) {
  const select = { id: true, slug: true, name: true, isProduction: true, position: true } as const;
  const created = await tx.environment.createManyAndReturn({
    data: environments.map((environment, index) => ({ isProduction: false, position: index, ...environment })),
    skipDuplicates: true,
    select,
  });
  for (const environment of created) {
    await recordAuditEvent(tx, actor, { action: "environment.create", entityType: "Environment", entityId: environment.id, after: environment });
  }
  return tx.environment.findMany({
    where: { slug: { in: environments.map((environment) => environment.slug) } },
    orderBy: { position: "asc" },
    select,
  });
}

/** Turns the error-budget policy on, with the event an admin's save would write (lib/reliability/set-budget-policy.ts). */
export async function enableErrorBudgetPolicy(tx: DbTx, actor: Actor = SEED_ACTOR) {
  const row = await tx.organisationSettings.findUniqueOrThrow({ where: { id: 1 }, select: { errorBudgetPolicy: true } });
  if (row.errorBudgetPolicy) return;
  await tx.organisationSettings.update({ where: { id: 1 }, data: { errorBudgetPolicy: true } });
  await recordAuditEvent(tx, actor, { action: "organisation.error-budget-policy", entityType: "OrganisationSettings", entityId: "1", before: { errorBudgetPolicy: false }, after: { errorBudgetPolicy: true } });
}

/** The organisation's currency row, with the event an admin's save would write (lib/settings/). */
export async function createOrganisationSettings(tx: DbTx, input: { currency: string } = { currency: "GBP" }, actor: Actor = SEED_ACTOR) {
  // An upsert that keeps an existing choice: tests seed the demo into a database other files share.
  const after = await tx.organisationSettings.upsert({ where: { id: 1 }, create: { id: 1, ...input }, update: {}, select: { currency: true } });
  await recordAuditEvent(tx, actor, { action: "organisation.settings", entityType: "OrganisationSettings", entityId: "1", after });
  return after;
}
