// The organisations the page benches measure: the demo (made through its seed) and a large generated one.
export type Prisma = Awaited<ReturnType<typeof openDb>>;
export async function openDb(url: string) {
  process.env.DATABASE_URL = url;
  const { db } = await import("../../lib/db");
  return db();
}

export type Role = "ENGINEER" | "PRODUCT_MANAGER" | "CHANGE_MANAGER" | "ADMIN";
export type PeopleByRole = Record<Role, string>;

const DEMO_EMAILS: Record<Role, string> = { ENGINEER: "engineer@runwell.local", PRODUCT_MANAGER: "pm@runwell.local", CHANGE_MANAGER: "change@runwell.local", ADMIN: "admin@runwell.local" };

/** The demo organisation (prisma/seed/demo.ts), made through its seed; its four stable people by role. */
export async function seedDemo(prisma: Prisma): Promise<PeopleByRole> {
  const { seedDemoOrganisation } = await import("../../prisma/seed/demo");
  await seedDemoOrganisation(prisma);
  const people = await prisma.person.findMany({ where: { email: { in: Object.values(DEMO_EMAILS) } }, select: { id: true, email: true } });
  const id = (role: Role) => people.find((person) => person.email === DEMO_EMAILS[role])!.id;
  return { ENGINEER: id("ENGINEER"), PRODUCT_MANAGER: id("PRODUCT_MANAGER"), CHANGE_MANAGER: id("CHANGE_MANAGER"), ADMIN: id("ADMIN") };
}

export type LargeSize = { services: number; deployments: number; changes: number };

/**
 * A large generated organisation in bulk SQL: `services` services in 100 teams, `deployments` over a
 * year, `changes` changes, a freeze on one service in ten; one person per role (the engineer and the
 * product manager in the first team).
 */
export async function generateLarge(prisma: Prisma, size: LargeSize): Promise<PeopleByRole> {
  const { services: SERVICES, deployments: DEPLOYMENTS, changes: CHANGES } = size;
  const { createEnvironments, createDomain, createPerson } = await import("../../prisma/seed/factories");
  await createEnvironments(prisma);
  const domain = await createDomain(prisma);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Team" (id, slug, name, "domainId", "updatedAt") SELECT 'bt' || t, 'bench-team-' || t, 'Bench team ' || t, '${domain.id}', now() FROM generate_series(1, 100) t`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Service" (id, slug, name, "teamId", tier, "updatedAt")
    SELECT 'bs' || s, 'bench-service-' || s, 'Bench service ' || s, 'bt' || (1 + s % 100), ('TIER_' || (1 + s % 4))::"ServiceTier", now() FROM generate_series(1, ${SERVICES}) s`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Deployment" (id, "serviceId", "environmentId", version, "externalId", status, "startedAt", "finishedAt", "firstCommitAt", "updatedAt")
    SELECT 'bd' || g, 'bs' || (1 + g % ${SERVICES}), e.id, 'v' || g, 'gen-' || g,
           (CASE WHEN g % 17 = 0 THEN 'FAILED' WHEN g % 41 = 0 THEN 'ROLLED_BACK' ELSE 'SUCCEEDED' END)::"DeploymentStatus",
           now() - (g * interval '157 seconds') - interval '10 minutes', now() - (g * interval '157 seconds'), now() - (g * interval '157 seconds') - interval '1 day', now()
      FROM generate_series(1, ${DEPLOYMENTS}) g
      JOIN "Environment" e ON e.slug = (CASE g % 3 WHEN 0 THEN 'production' WHEN 1 THEN 'staging' ELSE 'development' END)`);
  // Changes over the last year, a quarter of them planned in the coming weeks (the calendar's).
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ChangeRequest" (id, type, state, "serviceId", "environmentId", version, summary, "requesterLabel", "plannedStart", "createdAt", "updatedAt")
    SELECT 'bc' || g, (CASE g % 3 WHEN 0 THEN 'STANDARD' WHEN 1 THEN 'NORMAL' ELSE 'EMERGENCY' END)::"ChangeType",
           (CASE g % 5 WHEN 0 THEN 'SUBMITTED' WHEN 1 THEN 'APPROVED' ELSE 'CLOSED' END)::"ChangeState",
           'bs' || (1 + g % ${SERVICES}), e.id, 'v' || g, 'Bench change ' || g || ': routine release of the service',
           'bench-requester-' || (g % 50) || '@example.test',
           (CASE WHEN g % 4 = 0 THEN now() + ((g % 40) * interval '1 day') ELSE now() - (g * interval '26 minutes') END),
           now() - (g * interval '26 minutes'), now()
      FROM generate_series(1, ${CHANGES}) g JOIN "Environment" e ON e.slug = 'production'`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "FreezeWindow" (id, name, scope, "serviceId", "startsAt", "endsAt", "updatedAt")
    SELECT 'bf' || s, 'Bench freeze ' || s, 'SERVICE', 'bs' || s, now() - interval '1 day', now() + interval '1 day', now() FROM generate_series(10, ${SERVICES}, 10) s`);
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE)`);
  const person = async (role: Role, inTeam: boolean) => (await createPerson(prisma, { role, ...(inTeam ? { teams: [{ teamId: "bt1" }] } : {}) })).id;
  return { ENGINEER: await person("ENGINEER", true), PRODUCT_MANAGER: await person("PRODUCT_MANAGER", true), CHANGE_MANAGER: await person("CHANGE_MANAGER", false), ADMIN: await person("ADMIN", false) };
}

