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

/** `incidents` defaults to 20,000 over a year (issue 15's large organisation). */
export type LargeSize = { services: number; deployments: number; changes: number; incidents?: number };

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
  // A year of incidents (one every 26 minutes, the newest twenty still open), each on one service of its team.
  const INCIDENTS = size.incidents ?? 20_000;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Incident" (id, title, impact, status, source, "serviceId", "teamId", "triggeredAt", "acknowledgedAt", "mitigatedAt", "resolvedAt",
                            "availabilityLostAt", "availabilityRegainedAt", "updatedAt")
    SELECT 'bi' || g, 'Bench incident ' || g || ': errors above the alert threshold',
           (CASE g % 10 WHEN 0 THEN 'HIGH' WHEN 1 THEN 'MEDIUM' WHEN 2 THEN 'MEDIUM' ELSE 'LOW' END)::"IncidentImpact",
           (CASE WHEN g <= 20 THEN 'TRIGGERED' ELSE 'RESOLVED' END)::"IncidentStatus", 'API'::"IncidentSource",
           'bs' || (1 + g % ${SERVICES}), 'bt' || (1 + (1 + g % ${SERVICES}) % 100), t, CASE WHEN g > 20 THEN t + interval '5 minutes' END,
           CASE WHEN g > 20 THEN t + interval '30 minutes' END, CASE WHEN g > 20 THEN t + interval '1 hour' END, t, CASE WHEN g > 20 THEN t + interval '30 minutes' END, now()
      FROM generate_series(1, ${INCIDENTS}) g, LATERAL (SELECT now() - (g * interval '26 minutes') AS t) at`);
  await prisma.$executeRawUnsafe(`INSERT INTO "IncidentService" ("incidentId", "serviceId") SELECT 'bi' || g, 'bs' || (1 + g % ${SERVICES}) FROM generate_series(1, ${INCIDENTS}) g`);
  const person = async (role: Role, teams: number) => (await createPerson(prisma, { role, teams: Array.from({ length: teams }, (_, i) => ({ teamId: `bt${i + 1}` })) })).id;
  // The product manager looks after ten teams (issue 16's home budget is for that); the engineer is in one.
  const people = { ENGINEER: await person("ENGINEER", 1), PRODUCT_MANAGER: await person("PRODUCT_MANAGER", 10), CHANGE_MANAGER: await person("CHANGE_MANAGER", 0), ADMIN: await person("ADMIN", 0) };
  await generateLearning(prisma, SERVICES, INCIDENTS, people.PRODUCT_MANAGER);
  await prisma.$executeRawUnsafe(`VACUUM (ANALYZE)`);
  return people;
}


/**
 * Issue 16's learning and balance at scale: a published review for every major incident (one in ten),
 * the newest fifty still in progress, two actions each; a backlog per team (2,000 items in the first
 * team, whose backlog page is measured; 60 in each other), each team aiming at 25% operational work;
 * an outcome hypothesis for one service in five.
 */
async function generateLearning(prisma: Prisma, SERVICES: number, INCIDENTS: number, productManagerId: string) {
  const { generateNKeysBetween } = await import("fractional-indexing");
  await prisma.$executeRawUnsafe(`UPDATE "Team" SET "targetOperationalShare" = 25`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "PostIncidentReview" (id, "incidentId", "serviceId", "teamId", title, status, "dueAt", "scheduledAt", summary, learnings, tags, "publishedAt", "updatedAt")
    SELECT 'br' || g, i.id, i."serviceId", i."teamId", 'Review of ' || i.title,
           (CASE WHEN g <= 500 THEN 'DRAFTING' ELSE 'PUBLISHED' END)::"ReviewStatus",
           i."triggeredAt" + interval '14 days', i."triggeredAt" + interval '1 hour',
           'Errors rose above the alert threshold after a ' || (ARRAY['configuration change', 'dependency timeout', 'capacity shortfall', 'certificate expiry'])[1 + g % 4] || '; the team restored service by rolling back.',
           'Alert earlier on ' || (ARRAY['saturation', 'latency', 'error budget burn', 'queue depth'])[1 + g % 4] || '; rehearse the rollback.',
           ARRAY[(ARRAY['alerting', 'capacity', 'deployment', 'dependency'])[1 + g % 4]],
           CASE WHEN g > 500 THEN i."triggeredAt" + interval '5 days' END, now()
      FROM generate_series(10, ${INCIDENTS}, 10) g JOIN "Incident" i ON i.id = 'bi' || g`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "ReviewAction" (id, "reviewId", title, "updatedAt")
    SELECT 'bra' || r.id || '-' || a, r.id, (ARRAY['Add an alert on saturation', 'Rehearse the rollback', 'Raise the connection pool limit', 'Renew certificates automatically'])[1 + (a + length(r.id)) % 4], now()
      FROM "PostIncidentReview" r, generate_series(1, 2) a WHERE r.status = 'PUBLISHED'`);
  const teams = Array.from({ length: 100 }, (_, t) => ({ id: `bt${t + 1}`, items: t === 0 ? 2_000 : 60 }));
  const rows = teams.flatMap((team) => generateNKeysBetween(null, null, team.items).map((rank, index) => ({ team: team.id, rank, index })));
  await prisma.$executeRawUnsafe(`
    INSERT INTO "BacklogItem" (id, "teamId", type, subtype, title, estimate, status, rank, "doneAt", "updatedAt")
    SELECT 'bb' || r.team || '-' || r.index, r.team,
           (CASE WHEN r.index % 4 = 0 THEN 'OPERATIONAL' ELSE 'PRODUCT' END)::"BacklogItemType",
           (CASE WHEN r.index % 4 = 0 THEN (ARRAY['RELIABILITY', 'LIBRARY_UPGRADE', 'TECH_DEBT', 'TOIL'])[1 + (r.index / 4) % 4] END)::"OperationalSubtype",
           (CASE WHEN r.index % 4 = 0 THEN 'Operational work ' ELSE 'Feature ' END) || r.index || ' for the team''s services',
           1 + r.index % 8,
           (CASE WHEN r.index % 3 = 0 THEN 'DONE' WHEN r.index % 7 = 0 THEN 'DOING' ELSE 'TODO' END)::"BacklogItemStatus",
           r.rank, CASE WHEN r.index % 3 = 0 THEN now() - (r.index % 84) * interval '1 day' END, now()
      FROM json_to_recordset($1::json) AS r(team text, rank text, index int)`, JSON.stringify(rows));
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Hypothesis" (id, "serviceId", capability, outcome, metric, amount, "measureBy", "ownerId", "updatedAt")
    SELECT 'bh' || s, 'bs' || s, 'faster search suggestions', 'more searches ending in a basket', 'search-to-basket rate', '2 percentage points',
           now() + ((s % 60) - 30) * interval '1 day', '${productManagerId}', now()
      FROM generate_series(5, ${SERVICES}, 5) s`);
}

export type Organisation = "demo" | "large";
export type OrganisationRun = { org: Organisation; label: string; url: string; prisma: Prisma; people: PeopleByRole };

export const largeLabel = (size: LargeSize) =>
  `large (${size.services.toLocaleString("en")} services, ${size.deployments.toLocaleString("en")} deployments, ${size.changes.toLocaleString("en")} changes, ${(size.incidents ?? 20_000).toLocaleString("en")} incidents)`;

const ONE_ENV = "BENCH_ORGANISATION_ONE";

/**
 * The page benches' main loop: each organisation in its own process (the database client is one per
 * process) with a fresh database, made by the demo seed or generated large, and `measure` run on it;
 * returns every organisation's table rows, in order. `script` is the bench's own path: the parent runs
 * it again as the child, which measures one organisation, prints its rows and exits.
 */
export async function rowsPerOrganisation(options: { script: string; orgs: string[]; size: LargeSize; measure: (run: OrganisationRun) => Promise<string[]> }): Promise<string[] | null> {
  const one = process.env[ONE_ENV] as Organisation | undefined;
  if (one) {
    const { freshDatabase } = await import("./harness");
    const database = await freshDatabase();
    const prisma = await openDb(database.url);
    const people = one === "large" ? await generateLarge(prisma, options.size) : await seedDemo(prisma);
    const rows = await options.measure({ org: one, label: one === "large" ? largeLabel(options.size) : "demo", url: database.url, prisma, people });
    await prisma.$disconnect();
    await database.stop();
    console.log(`ROWS ${JSON.stringify(rows)}`);
    return null;
  }
  const { spawnSync } = await import("node:child_process");
  const rows: string[] = [];
  for (const org of options.orgs) {
    const child = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", options.script], { env: { ...process.env, [ONE_ENV]: org }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    const line = child.stdout.split("\n").find((candidate) => candidate.startsWith("ROWS "));
    if (child.status !== 0 || !line) throw new Error(`measuring the ${org} organisation failed (exit ${child.status})`);
    rows.push(...(JSON.parse(line.slice(5)) as string[]));
  }
  return rows;
}

/** Rewrites the <!-- bench:NAME:start/end --> section of docs/PERFORMANCE.md (appended under `heading` when missing). */
export async function writePerformanceSection(name: string, lines: string[], heading: string) {
  const { readFileSync, writeFileSync } = await import("node:fs");
  const section = [`<!-- bench:${name}:start -->`, ...lines, `<!-- bench:${name}:end -->`].join("\n");
  const file = "docs/PERFORMANCE.md";
  const doc = readFileSync(file, "utf8");
  const pattern = new RegExp(`<!-- bench:${name}:start -->[\\s\\S]*?<!-- bench:${name}:end -->`);
  writeFileSync(file, pattern.test(doc) ? doc.replace(pattern, () => section) : `${doc.trimEnd()}\n\n${heading}\n\n${section}\n`);
  console.log(section);
}
