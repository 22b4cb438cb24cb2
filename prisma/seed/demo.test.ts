// Seeds the demo organisation into the run's shared database. Other files add their own rows in parallel,
// so everything here is counted by the demo's own slugs and emails, never by table totals.
import { beforeAll, describe, expect, it } from "vitest";
import { testDb } from "../../test/helpers";
import { verifyPassword } from "../../lib/auth/password";
import { isAboveBand } from "../../lib/catalog/availability";
import { getOnCallNow } from "../../lib/oncall/get-oncall-now";
import { gateDecision } from "../../lib/changes/gate";
import { forgetOnCallAnswers } from "../../lib/changes/oncall-at";
import { treacleSignals } from "../../lib/changes/treacle";
import { tokenActor } from "../../test/helpers";
import { auditWhere } from "../../lib/audit/audit-filter-sql";
import { AUDITED_ENTITY_TYPES } from "../../lib/audit/audited-entities";
import { SUBSCRIBERS } from "../../lib/events/registry";
import { teamBalances } from "../../lib/backlog/queries";
import { DEMO_ELIGIBLE_SERVICES, DEMO_FAILING_SERVICE, DEMO_FROZEN_SERVICE, DEMO_NEW_SERVICE } from "./demo-changes";
import { DEFAULT_ENVIRONMENTS, DEFAULT_EXPOSURE_BANDS, membershipEntityId } from "./factories";
import { DEMO_DOMAINS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SERVICES, DEMO_TEAMS, DEMO_USERS, seedDemoOrganisation } from "./demo";

const prisma = testDb();
const teamSlugs = DEMO_TEAMS.map((team) => team.slug);
const serviceSlugs = DEMO_SERVICES.map((service) => service.slug);
const emails = DEMO_PEOPLE.map((person) => person.email);

// The demo writes a few thousand rows and events in one transaction: allow a loaded machine its time.
beforeAll(async () => {
  await seedDemoOrganisation(prisma);
}, 120_000);

const teams = () =>
  prisma.team.findMany({
    where: { slug: { in: teamSlugs } },
    select: { id: true, slug: true, chatChannel: true, domain: { select: { slug: true } }, members: { select: { personId: true, isLead: true } } },
  });

const services = () =>
  prisma.service.findMany({
    where: { slug: { in: serviceSlugs } },
    select: {
      id: true, slug: true, teamId: true, tier: true, lifecycle: true, availabilityTarget: true, maxLossPerHour: true,
      targetJustification: true, deploymentTarget: true, repositoryUrl: true, links: { select: { id: true, kind: true } },
    },
  });

describe("the demo organisation", () => {
  it("has the four stable users, one per role, with the demo password", async () => {
    for (const [role, email] of Object.entries(DEMO_USERS)) {
      const person = await prisma.person.findUniqueOrThrow({
        where: { email },
        select: { role: true, passwordHash: true, memberships: { select: { team: { select: { slug: true } } } } },
      });
      expect(person.role).toBe(role);
      expect(verifyPassword(DEMO_PASSWORD, person.passwordHash)).toBe(true);
      expect(verifyPassword("wrong-password", person.passwordHash)).toBe(false);
      const expectedTeams = role === "ENGINEER" || role === "PRODUCT_MANAGER" ? ["checkout"] : [];
      expect(person.memberships.map((membership) => membership.team.slug)).toEqual(expectedTeams);
    }
  });

  it("gives no password to anyone else, and has one incident manager", async () => {
    const people = await prisma.person.findMany({ where: { email: { in: emails } }, select: { email: true, passwordHash: true, isIncidentManager: true } });
    expect(people).toHaveLength(20);
    const stable = new Set<string>(Object.values(DEMO_USERS));
    for (const person of people) expect(person.passwordHash !== null, person.email).toBe(stable.has(person.email));
    expect(people.filter((person) => person.isIncidentManager)).toHaveLength(1);
    for (const email of emails) expect(email).toMatch(/^[a-z.]+@runwell\.local$/);
  });

  it("has four teams in two domains, one thin team and one with a chat channel", async () => {
    const found = await teams();
    expect(found).toHaveLength(4);
    const domains = new Set(found.map((team) => team.domain?.slug));
    expect([...domains].sort()).toEqual(DEMO_DOMAINS.map((domain) => domain.slug).sort());
    for (const domain of domains) expect(found.filter((team) => team.domain?.slug === domain)).toHaveLength(2);
    const sizes = found.map((team) => team.members.length).sort();
    expect(sizes[0]).toBe(2);
    expect(sizes.slice(1).every((size) => size >= 3)).toBe(true);
    expect(found.every((team) => team.members.filter((member) => member.isLead).length === 1)).toBe(true);
    expect(found.filter((team) => team.chatChannel)).toHaveLength(1);
  });

  it("moved Legacy Invoicing from Ledger to Accounts once, through the service edit", async () => {
    const moves = await prisma.serviceOwnerChange.findMany({ select: { service: { select: { slug: true } }, fromTeam: { select: { slug: true } }, toTeam: { select: { slug: true } } } });
    expect(moves).toEqual([{ service: { slug: "legacy-invoicing" }, fromTeam: { slug: "ledger" }, toTeam: { slug: "accounts" } }]);
    expect(await prisma.auditEvent.count({ where: { action: "service.transfer" } })).toBe(1);
  });

  it("has two hypotheses on Pat Product's services, one validated with evidence and linked releases, one due", async () => {
    const rows = await prisma.hypothesis.findMany({ orderBy: { number: "asc" }, select: { result: true, evidence: true, measureBy: true, service: { select: { slug: true } }, _count: { select: { deployments: true } } } });
    expect(rows.map((row) => [row.service.slug, row.result])).toEqual([["basket-service", "VALIDATED"], ["checkout-api", null]]);
    expect(rows[0]!.evidence.length).toBeGreaterThan(10);
    expect(rows[0]!._count.deployments).toBeGreaterThan(0);
    expect(rows[1]!.measureBy.getTime()).toBeLessThan(Date.now());
  });

  it("has twelve services, each owned by one demo team, covering every target, tier and lifecycle", async () => {
    const found = await services();
    const teamIds = new Set((await teams()).map((team) => team.id));
    expect(found).toHaveLength(12);
    for (const service of found) expect(teamIds.has(service.teamId), service.slug).toBe(true);
    expect(new Set(found.map((service) => service.teamId)).size).toBe(4);
    expect(new Set(found.map((service) => service.availabilityTarget))).toEqual(new Set(["P95_0", "P99_0", "P99_9", "P99_99"]));
    expect(new Set(found.map((service) => service.tier))).toEqual(new Set(["TIER_1", "TIER_2", "TIER_3", "TIER_4"]));
    expect(new Set(found.map((service) => service.lifecycle))).toEqual(new Set(["EXPERIMENTAL", "PRODUCTION", "DEPRECATED"]));
    expect(new Set(found.map((service) => service.deploymentTarget))).toEqual(new Set(["MONTHLY", "FORTNIGHTLY", "WEEKLY", "DAILY"]));
    expect(found.filter((service) => service.repositoryUrl).length).toBeGreaterThan(6);
    expect(new Set(found.flatMap((service) => service.links.map((link) => link.kind)))).toEqual(new Set(["DASHBOARD", "ALERTS", "DOCS"]));
  });

  it("justifies the one 99.99% service and every target above its band", async () => {
    const found = await services();
    const topTarget = found.filter((service) => service.availabilityTarget === "P99_99");
    expect(topTarget).toHaveLength(1);
    expect(topTarget[0]!.targetJustification).toBeTruthy();
    const aboveBand = found.filter((service) => isAboveBand(DEFAULT_EXPOSURE_BANDS, service.maxLossPerHour, service.availabilityTarget));
    expect(aboveBand.length).toBeGreaterThanOrEqual(1);
    for (const service of aboveBand) expect(service.targetJustification, service.slug).toBeTruthy();
  });

  it("records a sealed audit event for every entity it created", async () => {
    const [domains, people, foundTeams, foundServices, bands, environments] = await Promise.all([
      prisma.domain.findMany({ where: { slug: { in: DEMO_DOMAINS.map((domain) => domain.slug) } }, select: { id: true } }),
      prisma.person.findMany({ where: { email: { in: emails } }, select: { id: true } }),
      teams(),
      services(),
      prisma.exposureBand.findMany({ where: { name: { in: DEFAULT_EXPOSURE_BANDS.map((band) => band.name) } }, select: { id: true } }),
      prisma.environment.findMany({ where: { slug: { in: DEFAULT_ENVIRONMENTS.map((environment) => environment.slug) } }, select: { id: true } }),
    ]);
    const expected: [string, string][] = [
      ...domains.map(({ id }): [string, string] => ["Domain", id]),
      ...people.map(({ id }): [string, string] => ["Person", id]),
      ...foundTeams.map(({ id }): [string, string] => ["Team", id]),
      ...foundTeams.flatMap((team) => team.members.map(({ personId }): [string, string] => ["TeamMembership", membershipEntityId(team.id, personId)])),
      ...foundServices.map(({ id }): [string, string] => ["Service", id]),
      ...foundServices.flatMap((service) => service.links.map(({ id }): [string, string] => ["ServiceLink", id])),
      ...bands.map(({ id }): [string, string] => ["ExposureBand", id]),
      ...environments.map(({ id }): [string, string] => ["Environment", id]),
    ];
    expect(bands).toHaveLength(4);
    expect(environments).toHaveLength(3);
    const events = await prisma.auditEvent.findMany({
      where: { entityId: { in: expected.map(([, id]) => id) } },
      select: { entityType: true, entityId: true, seq: true, action: true },
    });
    // A team's id also names its pay policy (OnCallPayPolicy): only the events of these entities count.
    const wanted = new Set(expected.map(([type, id]) => `${type}:${id}`));
    const created = events.filter((event) => wanted.has(`${event.entityType}:${event.entityId}`));
    const audited = new Set(created.map((event) => `${event.entityType}:${event.entityId}`));
    const missing = expected.filter(([type, id]) => !audited.has(`${type}:${id}`));
    expect(missing).toEqual([]);
    // Apart from the one ownership move the demo makes through the service edit (demo-hypotheses.ts), and
    // each team's target operational share, which its product manager sets later (backlog.set-target).
    const later = new Set(["service.transfer", "backlog.set-target"]);
    expect(created.filter((event) => !later.has(event.action)).every((event) => event.action.endsWith(".create"))).toBe(true);
    expect(events.every((event) => event.seq !== null)).toBe(true);
  });

  it("registers every entity type its audit events name", async () => {
    const types = await prisma.auditEvent.findMany({ distinct: ["entityType"], select: { entityType: true } });
    const registered = new Set<string>(AUDITED_ENTITY_TYPES);
    expect(types.map((row) => row.entityType).filter((type) => !registered.has(type))).toEqual([]);
  });

  it("shows every area's events in a service's and a team's audit view", async () => {
    const typesIn = async (filters: Parameters<typeof auditWhere>[0]) =>
      new Set((await prisma.$queryRaw<{ entityType: string }[]>`SELECT DISTINCT e."entityType" FROM "AuditEvent" e WHERE ${auditWhere(filters, { toInclusive: true })}`).map((row) => row.entityType));
    const areas = ["Service", "ServiceLink", "Runbook", "Deployment", "ChangeRequest", "OnCallSchedule"];
    const service = await typesIn({ service: "checkout-api" });
    expect(areas.filter((type) => !service.has(type))).toEqual([]);
    const team = await typesIn({ team: "checkout" });
    expect([...areas, "Team", "TeamMembership"].filter((type) => !team.has(type))).toEqual([]);
    // The demo's service-specific freeze and required check show on their services.
    expect((await typesIn({ service: DEMO_FROZEN_SERVICE })).has("FreezeWindow")).toBe(true);
    expect((await typesIn({ service: "basket-service" })).has("RequiredHealthCheck")).toBe(true);
    // A service's own events only: another team's service's deployments are not in checkout-api's view.
    const [foreign] = await prisma.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "AuditEvent" e WHERE ${auditWhere({ service: "checkout-api" }, { toInclusive: true })}
         AND e."entityType" = 'Deployment' AND e."entityId" IN (SELECT d.id FROM "Deployment" d JOIN "Service" s ON s.id = d."serviceId" WHERE s.slug <> 'checkout-api')`;
    expect(Number(foreign!.count)).toBe(0);
  });

  it("has runbooks: an overview per service, alert runbooks with revisions, and one overdue in Checkout", async () => {
    const runbooks = await prisma.runbook.findMany({
      where: { service: { slug: { in: serviceSlugs } } },
      select: { title: true, alertNames: true, revision: true, lastReviewedAt: true, reviewIntervalDays: true, service: { select: { slug: true, team: { select: { slug: true } } } } },
    });
    expect(runbooks.filter((runbook) => runbook.title.endsWith(": service overview"))).toHaveLength(serviceSlugs.length);
    expect(runbooks.filter((runbook) => runbook.alertNames.length).length).toBeGreaterThanOrEqual(5);
    expect(runbooks.some((runbook) => runbook.revision >= 3)).toBe(true);
    const overdue = runbooks.filter((runbook) => runbook.lastReviewedAt.getTime() + runbook.reviewIntervalDays * 86_400_000 < Date.now());
    expect(overdue.map((runbook) => runbook.service.team.slug)).toEqual(["checkout"]);
  });

  it("has a deployment history: every service in production, failures, rollbacks, health checks, one running, all audited", async () => {
    const found = await services();
    const deployments = await prisma.deployment.findMany({
      where: { serviceId: { in: found.map((service) => service.id) } },
      select: { id: true, serviceId: true, status: true, isRollback: true, replacesId: true, environment: { select: { slug: true } }, _count: { select: { commits: true, healthChecks: true } } },
    });
    const production = deployments.filter((deployment) => deployment.environment.slug === "production");
    expect(new Set(production.map((deployment) => deployment.serviceId)).size).toBe(found.length);
    expect(production.some((deployment) => deployment.status === "FAILED")).toBe(true);
    const rollbacks = production.filter((deployment) => deployment.isRollback);
    expect(rollbacks.length).toBeGreaterThan(0);
    const byId = new Map(deployments.map((deployment) => [deployment.id, deployment]));
    for (const rollback of rollbacks) expect(byId.get(rollback.replacesId!)?.status).toBe("ROLLED_BACK");
    expect(deployments.filter((deployment) => deployment.status === "STARTED")).toHaveLength(1);
    expect(production.filter((deployment) => !deployment.isRollback).every((deployment) => deployment._count.commits > 0 && deployment._count.healthChecks > 0)).toBe(true);
    // One report per deployment (its health checks, links and flags are events of their own).
    const events = await prisma.auditEvent.count({ where: { entityType: "Deployment", action: "deployment.report", entityId: { in: deployments.map((deployment) => deployment.id) } } });
    expect(events).toBe(deployments.length);
  });

  it("has someone on call for every demo service whose target calls for out-of-hours cover", async () => {
    const evening = new Date();
    evening.setUTCHours(22, 0, 0, 0);
    const answers = (await getOnCallNow(prisma, {}, evening)).filter((answer) => serviceSlugs.includes(answer.service));
    expect(answers).toHaveLength(DEMO_SERVICES.length);
    for (const answer of answers) {
      const target = DEMO_SERVICES.find((service) => service.slug === answer.service)!.availabilityTarget;
      if (target === "P95_0") expect(answer.cover).toBe("none");
      else expect(answer.primary, answer.service).not.toBeNull();
    }
  });

  describe("change management", () => {
    const pipeline = tokenActor({ scopes: ["gate:read"], serviceId: null });
    const ask = (service: string) => gateDecision(prisma, pipeline, { service, environment: "production", version: "9.9.9-demo" }, "http://demo.test");
    const failedRules = (answer: Awaited<ReturnType<typeof ask>>) => answer.reasons.filter((reason) => !reason.passed).map((reason) => reason.rule);

    it.each(DEMO_ELIGIBLE_SERVICES)("%s has earned standard changes: the gate allows it", async (service) => {
      forgetOnCallAnswers();
      const answer = await ask(service);
      expect(answer, JSON.stringify(answer.reasons)).toMatchObject({ decision: "allow", changeType: "STANDARD" });
    });

    it("denies the new service (no track record), the failing one (health checks) and the frozen one (freeze), with reasons", async () => {
      expect(failedRules(await ask(DEMO_NEW_SERVICE))).toEqual(expect.arrayContaining(["track-record", "health-checks-passed"]));
      expect(failedRules(await ask(DEMO_FAILING_SERVICE))).toContain("health-checks-passed");
      const frozen = await ask(DEMO_FROZEN_SERVICE);
      expect(frozen.decision).toBe("deny");
      expect(frozen.reasons[0]).toMatchObject({ rule: "freeze", passed: false, message: expect.stringMatching(/Month-end close/) });
    });

    it("has normal changes on the CAB agenda, an overdue emergency review, and change treacle signals to read", async () => {
      const submitted = await prisma.changeRequest.count({ where: { type: "NORMAL", state: "SUBMITTED", service: { slug: { in: serviceSlugs } } } });
      expect(submitted).toBeGreaterThanOrEqual(2);
      expect(await prisma.changeRequest.count({ where: { type: "EMERGENCY", reviewedAt: null, reviewDueAt: { lt: new Date() }, service: { slug: { in: serviceSlugs } } } })).toBe(1);
      const signals = await treacleSignals(prisma);
      expect(signals.byChangeType.standard).toBeGreaterThan(0);
      expect(signals.byChangeType.normal).toBeGreaterThan(0);
      expect(signals.servicesWithoutPattern.map((service) => service.slug)).toEqual(expect.arrayContaining(["legacy-invoicing", "push-legacy"]));
    });
  });

  describe("incidents", () => {
    const demoIncidents = () =>
      prisma.incident.findMany({
        where: { services: { some: { service: { slug: { in: serviceSlugs } } } } },
        select: { id: true, status: true, impact: true, causeDeploymentId: true, triggeredAt: true, availabilityLostAt: true, availabilityRegainedAt: true, service: { select: { slug: true } }, services: { select: { service: { select: { slug: true } } } } },
      });

    it("has a quarter of history made through the use cases, some caused by the demo's rolled-back deployments", async () => {
      const incidents = await demoIncidents();
      expect(incidents.length).toBeGreaterThanOrEqual(6);
      const caused = incidents.filter((incident) => incident.causeDeploymentId);
      expect(caused.length).toBeGreaterThanOrEqual(2);
      const causes = await prisma.deployment.findMany({ where: { id: { in: caused.map((incident) => incident.causeDeploymentId!) } }, select: { status: true } });
      expect(causes.every((deployment) => deployment.status === "ROLLED_BACK")).toBe(true);
      // Every incident has its declaration and each step in the audit trail and on the timeline.
      for (const incident of incidents) {
        const declared = await prisma.auditEvent.findMany({ where: { entityType: "Incident", entityId: incident.id, action: "incident.declare" }, select: { occurredAt: true } });
        // Dated when it happened, like the rest of the demo's history.
        expect(declared.map((event) => event.occurredAt)).toEqual([incident.triggeredAt]);
        expect(await prisma.incidentTimelineEntry.count({ where: { incidentId: incident.id, kind: "DECLARED" } })).toBe(1);
      }
    });

    it("has out-of-hours incidents whose pages are callouts, acknowledged by the person paged", async () => {
      const pages = await prisma.incidentPage.findMany({ where: { outOfHours: true, incident: { services: { some: { service: { slug: "reconciliation" } } } } }, select: { acknowledgedAt: true, person: { select: { name: true } } } });
      expect(pages.length).toBeGreaterThanOrEqual(2);
      for (const page of pages) expect(page).toMatchObject({ acknowledgedAt: expect.any(Date), person: { name: "Kenji Watanabe" } });
    });

    it("has an Identity Service outage in the last 28 days longer than its 99.9% budget, and one incident reassigned to its cause", async () => {
      const incidents = await demoIncidents();
      const since = Date.now() - 28 * 86_400_000;
      const identity = incidents.filter((incident) => incident.services.some((link) => link.service.slug === "identity") && incident.availabilityLostAt.getTime() > since);
      const minutes = identity.reduce((sum, incident) => sum + ((incident.availabilityRegainedAt ?? new Date()).getTime() - incident.availabilityLostAt.getTime()) / 60_000, 0);
      expect(minutes).toBeGreaterThan(0.001 * 28 * 24 * 60);
      expect(incidents.some((incident) => incident.service.slug === "profile-api" && incident.services.some((link) => link.service.slug === "checkout-api"))).toBe(true);
    });

    it("has one incident open now, on the demo engineer's team, whose events are still to be delivered", async () => {
      const open = (await demoIncidents()).filter((incident) => ["TRIGGERED", "ACKNOWLEDGED", "MITIGATED"].includes(incident.status));
      expect(open.map((incident) => incident.service.slug)).toEqual(["promo-engine"]);
      // Paged to the demo engineer, not yet acknowledged.
      const pages = await prisma.incidentPage.findMany({ where: { incidentId: open[0]!.id }, select: { acknowledgedAt: true, person: { select: { email: true } } } });
      expect(pages).toEqual([{ acknowledgedAt: null, person: { email: DEMO_USERS.ENGINEER } }]);
      // The history's events are behind every subscriber's cursor (other test files drain the shared
      // outbox too, so only that much is certain); the open incident's were emitted after them.
      const demoIds = (await demoIncidents()).map((incident) => incident.id);
      const events = await prisma.domainEvent.findMany({ where: { entityType: "Incident", entityId: { in: demoIds } }, select: { seq: true, entityId: true } });
      const history = events.filter((event) => event.entityId !== open[0]!.id).map((event) => event.seq);
      const latestHistory = history.reduce((max, seq) => (seq > max ? seq : max), 0n);
      // The portal's own subscribers: other files' test subscribers keep cursors of their own, which
      // may have stopped before this file seeded.
      const cursors = await prisma.eventCursor.findMany({ where: { subscriber: { in: SUBSCRIBERS.map((s) => s.name) } }, select: { lastSeq: true } });
      expect(cursors.length).toBeGreaterThan(0);
      for (const cursor of cursors) expect(cursor.lastSeq).toBeGreaterThanOrEqual(latestHistory);
      const openEvents = events.filter((event) => event.entityId === open[0]!.id);
      expect(openEvents.length).toBeGreaterThan(0);
      for (const event of openEvents) expect(event.seq).toBeGreaterThan(latestHistory);
    });

    it("has a backlog per team with done history, and Accounts under its target while Identity is over its budget", async () => {
      const teamRows = await prisma.team.findMany({ where: { slug: { in: DEMO_TEAMS.map((team) => team.slug) } }, select: { id: true, slug: true } });
      const balances = await teamBalances(prisma, teamRows.map((team) => team.id), new Date());
      expect(balances).toHaveLength(4);
      for (const balance of balances) {
        expect(balance.planned.total).toBeGreaterThan(0);
        expect(balance.doneByWeek.filter((week) => week.total > 0).length).toBeGreaterThanOrEqual(3);
      }
      const accounts = balances.find((balance) => balance.team.slug === "accounts")!;
      expect(accounts.target).toBe(30);
      expect(accounts.planned.share!).toBeLessThan(30);
      expect(accounts.signal?.services.map((service) => service.slug)).toContain("identity");
      expect(balances.filter((balance) => balance.signal).map((balance) => balance.team.slug)).toEqual(["accounts"]);
    });
  });

  it("has a review for every major incident: published with factors and actions, the newest still collecting analyses", async () => {
    const majors = await prisma.incident.findMany({ where: { impact: "HIGH", services: { some: { service: { slug: { in: (await services()).map((service) => service.slug) } } } } }, select: { id: true, review: { select: { status: true, id: true } } } });
    const history = majors.filter((incident) => incident.review);
    expect(history.length).toBeGreaterThanOrEqual(1);
    const collecting = history.filter((incident) => incident.review!.status === "COLLECTING");
    expect(collecting).toHaveLength(1);
    const participants = await prisma.reviewParticipant.findMany({ where: { reviewId: collecting[0]!.review!.id, analysis: { not: "" } }, select: { sharedAt: true } });
    expect(participants.filter((p) => p.sharedAt).length).toBeGreaterThanOrEqual(1);
    expect(participants.filter((p) => !p.sharedAt).length).toBeGreaterThanOrEqual(1);
    for (const incident of history.filter((i) => i.review!.status === "PUBLISHED")) {
      const review = await prisma.postIncidentReview.findUniqueOrThrow({ where: { id: incident.review!.id }, select: { publishedAt: true, dueAt: true, _count: { select: { factors: true, actions: true } } } });
      expect(review._count.factors).toBeGreaterThan(0);
      expect(review._count.actions).toBeGreaterThan(0);
      expect(review.publishedAt!.getTime()).toBeLessThanOrEqual(review.dueAt.getTime());
    }
  });
});
