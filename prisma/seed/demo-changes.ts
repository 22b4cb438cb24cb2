// Change management in the demo: two deployment patterns, required checks, a freeze, a brand-new
// service, normal changes on the CAB agenda, an emergency change awaiting review, and the last month
// of production deployments linked to the changes that let them through. Some services have earned
// standard changes (the gate allows them); others have not: new, failing or frozen (the gate denies).
import { randomUUID } from "node:crypto";
import type { DbTx } from "../../lib/db";
import { createPattern } from "./change-factories";
import { createService, SEED_ACTOR } from "./factories";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";

const DAY = 86_400_000;

/** Services the demo makes fail their required health checks lately: they lose standard changes. */
export const DEMO_FAILING_SERVICE = "email-dispatcher";
/** Frozen for month-end close: the gate denies it whatever its track record. */
export const DEMO_FROZEN_SERVICE = "reconciliation";
/** Created without any deployment: no track record yet. */
export const DEMO_NEW_SERVICE = "loyalty-points";
/** Services with a good record under "Routine production deploys". */
export const DEMO_ELIGIBLE_SERVICES = ["basket-service", "profile-api"] as const;

export async function seedDemoChanges(tx: DbTx, input: { teamIds: Map<string, string>; personIdByEmail: Map<string, string>; changeManagers: string[]; now?: Date }): Promise<void> {
  const now = input.now ?? new Date();
  const production = await tx.environment.findUniqueOrThrow({ where: { slug: "production" }, select: { id: true } });
  const services = await tx.service.findMany({ select: { id: true, slug: true, tier: true, teamId: true } });
  const serviceId = (slug: string) => services.find((service) => service.slug === slug)!.id;

  const routine = await createPattern(tx, {
    name: "Routine production deploys",
    slug: "routine-production",
    description: "Tier 2 and 3 services that deploy often and rarely fail: every deployment is a pre-approved standard change.",
    environmentIds: [production.id],
    tiers: ["TIER_2", "TIER_3"],
    rules: [
      { kind: "track-record", count: 4, days: 30 },
      { kind: "change-failure-rate", days: 30, maxPercent: 20 },
      { kind: "health-checks-passed", count: 3 },
      { kind: "automated-pipeline" },
      { kind: "outside-freeze" },
    ],
  });
  await createPattern(tx, {
    name: "Tier 1 with cover",
    slug: "tier-1-with-cover",
    description: "Customer-critical services earn standard changes only with a long, clean record and someone on call.",
    environmentIds: [production.id],
    tiers: ["TIER_1"],
    rules: [
      { kind: "track-record", count: 15, days: 30 },
      { kind: "change-failure-rate", days: 30, maxPercent: 5 },
      { kind: "health-checks-passed", count: 5 },
      { kind: "automated-pipeline" },
      { kind: "outside-freeze" },
      { kind: "on-call" },
    ],
  });
  for (const check of [{ serviceId: serviceId("basket-service"), name: "smoke tests", deadlineMinutes: 30 }, { patternId: routine.id, name: "error rate", deadlineMinutes: 60 }]) {
    const created = await tx.requiredHealthCheck.create({ data: check, select: { id: true, name: true, deadlineMinutes: true, serviceId: true, patternId: true } });
    await recordAuditEvent(tx, SEED_ACTOR, { action: "required-check.create", entityType: "RequiredHealthCheck", entityId: created.id, after: created });
  }

  const frozen = services.find((service) => service.slug === DEMO_FROZEN_SERVICE)!;
  for (const freeze of [
    { name: "Month-end close", reason: "Finance closes the books: no changes to reconciliation.", scope: "SERVICE" as const, serviceId: frozen.id, startsAt: new Date(now.getTime() - DAY), endsAt: new Date(now.getTime() + 2 * DAY) },
    { name: "Year-end trading freeze", reason: "Peak trading and reduced staffing.", scope: "ORGANISATION" as const, startsAt: new Date(Date.UTC(now.getUTCFullYear(), 11, 20)), endsAt: new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 2)) },
  ]) {
    const created = await tx.freezeWindow.create({ data: freeze, select: { id: true, name: true, scope: true, startsAt: true, endsAt: true } });
    await recordAuditEvent(tx, SEED_ACTOR, { action: "freeze.create", entityType: "FreezeWindow", entityId: created.id, after: created });
  }

  await createService(tx, {
    slug: DEMO_NEW_SERVICE, name: "Loyalty Points", teamId: input.teamIds.get("checkout")!, tier: "TIER_3", lifecycle: "EXPERIMENTAL",
    description: "Points for purchases; built this month and not yet deployed to production.", availabilityTarget: "P99_0", deploymentTarget: "WEEKLY",
  });

  // The failing service: its latest production releases failed their required checks. Releases, not
  // rollbacks: a rollback puts an earlier version back, and flagging both showed one flag twice
  // ("email-dispatcher 2026.11.27-47: required health checks failed", on the release and on the rollback).
  const failing = await tx.deployment.findMany({
    where: { serviceId: serviceId(DEMO_FAILING_SERVICE), environmentId: production.id, status: "SUCCEEDED", isRollback: false },
    orderBy: { startedAt: "desc" },
    distinct: ["version"],
    take: 2,
    select: { id: true, version: true },
  });
  for (const deployment of failing) {
    await tx.deployment.update({ where: { id: deployment.id }, data: { requiredChecksStatus: "FAILED" }, select: { id: true } });
    const message = `${DEMO_FAILING_SERVICE} ${deployment.version}: required health checks failed (error rate: failed).`;
    await tx.deploymentFlag.create({ data: { deploymentId: deployment.id, kind: "REQUIRED_CHECK_FAILED", message } });
    await recordAuditEvent(tx, SEED_ACTOR, { action: "deployment.flagged", entityType: "Deployment", entityId: deployment.id, after: { kind: "REQUIRED_CHECK_FAILED", message } });
  }

  // The random history can be unlucky on any given day; a clean recent streak makes these two
  // services' record good by construction (the demo test relies on it).
  for (const slug of DEMO_ELIGIBLE_SERVICES) await appendCleanStreak(tx, { serviceId: serviceId(slug), slug, productionId: production.id, now });

  await linkRecentDeployments(tx, { productionId: production.id, services, routineId: routine.id, changeManagers: input.changeManagers, now });
  await seedOpenChanges(tx, { productionId: production.id, serviceId, personIdByEmail: input.personIdByEmail, now });
}

/**
 * The last month of production deployments gets the changes that let them through: standard changes
 * for tier 2-3 services, normal changes approved by two change managers for tier 1 and 4. Backfilled
 * in bulk like the deployment history itself (no audit events: it stands for what happened before).
 */
async function linkRecentDeployments(
  tx: DbTx,
  input: { productionId: string; services: { id: string; slug: string; tier: string }[]; routineId: string; changeManagers: string[]; now: Date },
) {
  const deployments = await tx.deployment.findMany({
    where: { environmentId: input.productionId, startedAt: { gte: new Date(input.now.getTime() - 30 * DAY) }, status: { not: "STARTED" }, service: { slug: { not: DEMO_FAILING_SERVICE } } },
    orderBy: { startedAt: "asc" },
    select: { id: true, serviceId: true, version: true, status: true, startedAt: true, finishedAt: true, deployer: true },
  });
  const changes = [];
  const approvals = [];
  const links = { deploymentIds: [] as string[], changeIds: [] as string[] };
  for (const deployment of deployments) {
    const service = input.services.find((candidate) => candidate.id === deployment.serviceId)!;
    const standard = service.tier === "TIER_2" || service.tier === "TIER_3";
    const id = randomUUID();
    const submittedAt = new Date(deployment.startedAt.getTime() - (standard ? 60_000 : 3 * DAY));
    const decidedAt = new Date(deployment.startedAt.getTime() - (standard ? 60_000 : DAY));
    const failed = deployment.status === "FAILED" || deployment.status === "ROLLED_BACK";
    changes.push({
      id, type: standard ? ("STANDARD" as const) : ("NORMAL" as const), state: failed ? ("FAILED" as const) : ("CLOSED" as const), serviceId: deployment.serviceId, environmentId: input.productionId,
      version: deployment.version, summary: standard ? `Standard change: ${service.slug} ${deployment.version} under "Routine production deploys"` : `Release ${service.slug} ${deployment.version}`,
      implementationPlan: standard ? "" : "Deploy through the pipeline; watch the dashboards for 30 minutes.", rollbackPlan: standard ? "" : "Redeploy the previous version.",
      plannedStart: deployment.startedAt, patternId: standard ? input.routineId : null, requesterLabel: standard ? `token:${service.slug}-pipeline` : (deployment.deployer ?? "demo"),
      submittedAt, decidedAt, decisionReason: standard ? 'Pre-approved by the pattern "Routine production deploys".' : "Plan and rollback reviewed; low blast radius.",
      implementedAt: deployment.finishedAt, closedAt: failed ? null : deployment.finishedAt, failureReason: failed ? `Deployment of ${deployment.version} failed.` : null,
      riskScore: standard ? null : 30, riskLevel: standard ? null : ("MEDIUM" as const), createdAt: submittedAt,
    });
    if (!standard) for (const personId of input.changeManagers.slice(0, 2)) approvals.push({ changeId: id, personId, decision: "APPROVE" as const, reason: "Plan and rollback reviewed.", createdAt: decidedAt });
    links.deploymentIds.push(deployment.id);
    links.changeIds.push(id);
  }
  if (changes.length) await tx.changeRequest.createMany({ data: changes });
  if (approvals.length) await tx.changeApproval.createMany({ data: approvals });
  await tx.$executeRaw`UPDATE "Deployment" d SET "changeRequestId" = p.change FROM unnest(${links.deploymentIds}::text[], ${links.changeIds}::text[]) AS p(id, change) WHERE d.id = p.id`;
}

async function seedOpenChanges(tx: DbTx, input: { productionId: string; serviceId: (slug: string) => string; personIdByEmail: Map<string, string>; now: Date }) {
  const person = (email: string) => input.personIdByEmail.get(email) ?? null;
  const open = [
    {
      type: "NORMAL" as const, state: "SUBMITTED" as const, slug: "checkout-api", version: "2026.12.1", summary: "Switch card authorisation to the new acquirer",
      description: "Moves card authorisation from the old acquirer's API to the new one behind a percentage rollout.",
      implementationPlan: "Deploy with the new acquirer at 5%, then 25%, 50%, 100% over two days, watching authorisation rates.",
      rollbackPlan: "Set the rollout to 0% (feature flag); redeploy 2026.11.9 if the flag service is unavailable.",
      plannedStart: new Date(input.now.getTime() + 3 * DAY), requester: "amara.okafor@runwell.local", riskScore: 45, riskLevel: "MEDIUM" as const,
    },
    {
      type: "NORMAL" as const, state: "SUBMITTED" as const, slug: "ledger-core", version: "5.2.0", summary: "Partition the journal table by month",
      description: "The journal table passed 2 billion rows; monthly partitions keep posting latency flat.",
      implementationPlan: "Online migration with pg_partman during the low-traffic window; dual writes for one day.",
      rollbackPlan: "Stop dual writes and point reads back at the old table; it is kept for 7 days.",
      plannedStart: new Date(input.now.getTime() + 5 * DAY), requester: "hannah.becker@runwell.local", riskScore: 55, riskLevel: "HIGH" as const,
    },
    {
      type: "EMERGENCY" as const, state: "CLOSED" as const, slug: "identity", version: "8.4.2", summary: "Revoke sessions issued by the compromised signing key",
      description: "A signing key was exposed in a log; all sessions it signed are revoked.", implementationPlan: "Deploy the key rotation and revocation list.",
      rollbackPlan: "None: revocation is intended to be permanent.", plannedStart: new Date(input.now.getTime() - 4 * DAY), requester: "chloe.dubois@runwell.local",
      riskScore: 60, riskLevel: "HIGH" as const, reviewDueAt: new Date(input.now.getTime() - DAY),
    },
  ];
  for (const { slug, requester, reviewDueAt, ...change } of open) {
    const emergency = change.type === "EMERGENCY";
    const created = await tx.changeRequest.create({
      data: {
        ...change, serviceId: input.serviceId(slug), environmentId: input.productionId, requesterId: person(requester), requesterLabel: requester,
        submittedAt: new Date(input.now.getTime() - (emergency ? 4 : 1) * DAY), decidedAt: emergency ? change.plannedStart : null,
        decisionReason: emergency ? "Emergency change: implemented first, reviewed by the CAB afterwards." : null,
        implementedAt: emergency ? change.plannedStart : null, closedAt: emergency ? change.plannedStart : null, reviewDueAt: reviewDueAt ?? null,
      },
      select: { id: true, number: true, type: true, state: true, version: true, summary: true },
    });
    await recordAuditEvent(tx, SEED_ACTOR, { action: "change.raise", entityType: "ChangeRequest", entityId: created.id, after: created });
  }
}

/** Twelve successful production deployments over the last three days, with commits, passing checks and audit events. */
async function appendCleanStreak(tx: DbTx, input: { serviceId: string; slug: string; productionId: string; now: Date }) {
  const HOUR = 3_600_000;
  const rows = Array.from({ length: 12 }, (_, index) => {
    const finishedAt = new Date(input.now.getTime() - (72 - index * 6) * HOUR);
    return {
      id: randomUUID(), serviceId: input.serviceId, environmentId: input.productionId, version: `${input.slug}-streak.${index + 1}`, externalId: `streak-${randomUUID()}`,
      status: "SUCCEEDED" as const, startedAt: new Date(finishedAt.getTime() - 6 * 60_000), finishedAt, firstCommitAt: new Date(finishedAt.getTime() - 20 * HOUR),
      deployer: "ci", pipelineUrl: `https://ci.runwell.local/${input.slug}/streak/${index + 1}`, requiredChecksStatus: "PASSED" as const,
    };
  });
  await tx.deployment.createMany({ data: rows });
  await tx.deploymentCommit.createMany({ data: rows.map((row) => ({ deploymentId: row.id, sha: randomUUID().replaceAll("-", "").slice(0, 12), committedAt: row.firstCommitAt, message: "Small, safe change", author: "ci" })) });
  await tx.deploymentHealthCheck.createMany({
    data: rows.flatMap((row) => [
      { id: randomUUID(), deploymentId: row.id, name: "smoke tests", status: "PASS" as const, details: "20 of 20 probes passed.", checkedAt: new Date(row.finishedAt.getTime() + 5 * 60_000) },
      { id: randomUUID(), deploymentId: row.id, name: "error rate", status: "PASS" as const, details: "5xx rate 0.01% over 10 minutes.", checkedAt: new Date(row.finishedAt.getTime() + 15 * 60_000) },
    ]),
  });
  for (const row of rows) {
    await recordAuditEvent(tx, SEED_ACTOR, { action: "deployment.report", entityType: "Deployment", entityId: row.id, after: { service: input.slug, environment: "production", version: row.version, status: row.status } });
  }
}
