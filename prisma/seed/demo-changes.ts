// Change management in the demo: two deployment patterns, required checks, a freeze, a brand-new
// service, normal changes on the CAB agenda, an emergency change awaiting review, and the last month
// of production deployments linked to the changes that let them through. Some services have earned
// standard changes (the gate allows them); others have not: new, failing or frozen (the gate denies).
import { randomUUID } from "node:crypto";
import { actorLabel, type Actor, type PersonActor } from "../../lib/auth/actor";
import { recordAuditEvent, recordAuditEvents } from "../../lib/audit/record-audit-event";
import { readCabSettings } from "../../lib/changes/cab-settings";
import { requiredChecksFor } from "../../lib/changes/deployment-control";
import { scoreChange } from "../../lib/changes/risk-inputs";
import type { Tier } from "../../lib/changes/pattern-rules";
import type { DbTx } from "../../lib/db";
import { writtenAt } from "./backdate";
import { createPattern } from "./change-factories";
import { changeControlEvents, raiseEvent, standardChangeEvents, standardOutcomeKey, voteEvents, type ControlOutcome } from "./demo-change-events";
import { healthCheckEvent, reportEvents, type PipelineEvent } from "./demo-pipeline-events";
import { createService } from "./factories";

const DAY = 86_400_000;

/** Services the demo makes fail their required health checks lately: they lose standard changes. */
export const DEMO_FAILING_SERVICE = "email-dispatcher";
/** Frozen for month-end close: the gate denies it whatever its track record. */
export const DEMO_FROZEN_SERVICE = "reconciliation";
/** Created without any deployment: no track record yet. */
export const DEMO_NEW_SERVICE = "loyalty-points";
/** Services with a good record under "Routine production deploys". */
export const DEMO_ELIGIBLE_SERVICES = ["basket-service", "profile-api"] as const;

export type DemoChangeInput = {
  teamIds: Map<string, string>;
  serviceIds: string[];
  people: (email: string) => PersonActor;
  emailByName: Map<string, string>;
  changeManagers: PersonActor[];
  pipelines: Map<string, Actor>;
  now: Date;
};

export async function seedDemoChanges(tx: DbTx, input: DemoChangeInput): Promise<void> {
  const now = input.now;
  const production = await tx.environment.findUniqueOrThrow({ where: { slug: "production" }, select: { id: true } });
  // The demo's own services: tests seed the demo into a database other files fill too.
  const services = (await tx.service.findMany({ where: { id: { in: input.serviceIds } }, select: { id: true, slug: true, tier: true, teamId: true, team: { select: { domainId: true } } } })).map(({ team, ...service }) => ({ ...service, domainId: team.domainId }));
  const serviceId = (slug: string) => services.find((service) => service.slug === slug)!.id;
  // Change control began a month ago: the change manager set up the patterns and required checks then.
  const adopted = new Date(now.getTime() - 31 * DAY);
  const changeManager = input.changeManagers[0]!;

  const patternsAt = new Date(adopted.getTime() - 60_000);
  const routine = await writtenAt(patternsAt, () => createPattern(tx, {
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
  }, changeManager));
  await writtenAt(patternsAt, () => createPattern(tx, {
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
  }, changeManager));
  for (const check of [{ serviceId: serviceId("basket-service"), name: "smoke tests", deadlineMinutes: 30 }, { patternId: routine.id, name: "error rate", deadlineMinutes: 60 }]) {
    const created = await tx.requiredHealthCheck.create({ data: check, select: { id: true, name: true, deadlineMinutes: true, serviceId: true, patternId: true } });
    await recordAuditEvent(tx, changeManager, { action: "required-check.create", entityType: "RequiredHealthCheck", entityId: created.id, after: created, occurredAt: adopted });
  }

  const frozen = services.find((service) => service.slug === DEMO_FROZEN_SERVICE)!;
  for (const freeze of [
    { name: "Month-end close", reason: "Finance closes the books: no changes to reconciliation.", scope: "SERVICE" as const, serviceId: frozen.id, startsAt: new Date(now.getTime() - DAY), endsAt: new Date(now.getTime() + 2 * DAY) },
    { name: "Year-end trading freeze", reason: "Peak trading and reduced staffing.", scope: "ORGANISATION" as const, startsAt: new Date(Date.UTC(now.getUTCFullYear(), 11, 20)), endsAt: new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 2)) },
  ]) {
    const created = await tx.freezeWindow.create({ data: freeze, select: { id: true, name: true, scope: true, startsAt: true, endsAt: true } });
    await recordAuditEvent(tx, changeManager, { action: "freeze.create", entityType: "FreezeWindow", entityId: created.id, after: created, occurredAt: new Date(now.getTime() - 3 * DAY) });
  }

  await writtenAt(new Date(now.getTime() - 20 * DAY), () => createService(tx, {
    slug: DEMO_NEW_SERVICE, name: "Loyalty Points", teamId: input.teamIds.get("checkout")!, tier: "TIER_3", lifecycle: "EXPERIMENTAL",
    description: "Points for purchases; built this month and not yet deployed to production.", availabilityTarget: "P99_0", deploymentTarget: "WEEKLY",
  }));

  // The failing service: its latest production releases failed their required checks. Releases, not
  // rollbacks: a rollback puts an earlier version back, and flagging both showed one flag twice
  // ("email-dispatcher 2026.11.27-47: required health checks failed", on the release and on the rollback).
  const failing = await tx.deployment.findMany({
    where: { serviceId: serviceId(DEMO_FAILING_SERVICE), environmentId: production.id, status: "SUCCEEDED", isRollback: false },
    orderBy: { startedAt: "desc" },
    distinct: ["version"],
    take: 2,
    select: { id: true, version: true, finishedAt: true },
  });
  const failingPipeline = input.pipelines.get(serviceId(DEMO_FAILING_SERVICE))!;
  for (const deployment of failing) {
    // Its error-rate check failed within the hour: evaluated then, as deployment-control.ts does.
    const at = new Date(deployment.finishedAt!.getTime() + 20 * 60_000);
    const checks = [{ name: "error rate", deadlineMinutes: 60, state: "FAILED" }];
    await tx.deployment.update({ where: { id: deployment.id }, data: { requiredChecksStatus: "FAILED" }, select: { id: true } });
    const message = `${DEMO_FAILING_SERVICE} ${deployment.version}: required health checks failed (error rate: failed).`;
    await tx.deploymentFlag.create({ data: { deploymentId: deployment.id, kind: "REQUIRED_CHECK_FAILED", message, createdAt: at } });
    await recordAuditEvents(tx, [
      { actor: failingPipeline, action: "deployment.required-checks", entityType: "Deployment", entityId: deployment.id, before: { requiredChecksStatus: "PENDING" }, after: { requiredChecksStatus: "FAILED", checks }, occurredAt: at },
      { actor: failingPipeline, action: "deployment.flagged", entityType: "Deployment", entityId: deployment.id, after: { kind: "REQUIRED_CHECK_FAILED", message }, occurredAt: at },
    ]);
  }

  // The random history can be unlucky on any given day; a clean recent streak makes these two
  // services' record good by construction (the demo test relies on it).
  for (const slug of DEMO_ELIGIBLE_SERVICES) await appendCleanStreak(tx, { serviceId: serviceId(slug), slug, productionId: production.id, now, pipeline: input.pipelines.get(serviceId(slug))! });

  const context = { productionId: production.id, services, routineId: routine.id, changeManagers: input.changeManagers, pipelines: input.pipelines, people: input.people, emailByName: input.emailByName, now };
  await linkRecentDeployments(tx, context);
  await seedOpenChanges(tx, context);
}

type ChangeContext = {
  productionId: string;
  services: { id: string; slug: string; tier: Tier; teamId: string; domainId: string | null }[];
  routineId: string;
  changeManagers: PersonActor[];
  pipelines: Map<string, Actor>;
  people: (email: string) => PersonActor;
  emailByName: Map<string, string>;
  now: Date;
};

/**
 * The last month of production deployments gets the changes that let them through, recorded as they
 * were made: tier 2-3 services asked the gate and got standard changes under "Routine production
 * deploys"; tier 1 and 4 changes were raised by the deployer three days before and approved by two
 * change managers the day before. Each report then linked its change and moved it (change control's
 * own planner), and required checks closed or failed it. Rows are bulk-inserted; their audit events
 * are exactly those the use cases write (demo-change-events.ts), dated when each step happened.
 */
async function linkRecentDeployments(tx: DbTx, input: ChangeContext) {
  const deployments = await tx.deployment.findMany({
    where: {
      environmentId: input.productionId, startedAt: { gte: new Date(input.now.getTime() - 30 * DAY) }, status: { not: "STARTED" },
      serviceId: { in: input.services.filter((service) => service.slug !== DEMO_FAILING_SERVICE).map((service) => service.id) },
    },
    orderBy: { startedAt: "asc" },
    select: { id: true, serviceId: true, version: true, status: true, startedAt: true, finishedAt: true, deployer: true, _count: { select: { commits: true } }, healthChecks: { select: { name: true, status: true, checkedAt: true } } },
  });
  const cab = await readCabSettings(tx);
  const planned = [];
  for (const deployment of deployments) {
    const service = input.services.find((candidate) => candidate.id === deployment.serviceId)!;
    const standard = service.tier === "TIER_2" || service.tier === "TIER_3";
    const submittedAt = new Date(deployment.startedAt.getTime() - (standard ? 60_000 : 3 * DAY));
    const decidedAt = new Date(deployment.startedAt.getTime() - (standard ? 60_000 : DAY));
    const requester = standard ? input.pipelines.get(service.id)! : input.people(input.emailByName.get(deployment.deployer!)!);
    const risk = standard ? null : await scoreChange(tx, { service, environmentId: input.productionId, plannedStart: deployment.startedAt, commits: deployment._count.commits }, submittedAt);
    planned.push({ deployment, service, standard, submittedAt, decidedAt, requester, risk });
  }
  // Numbered in the order they were raised.
  const created = await tx.changeRequest.createManyAndReturn({
    data: planned.map(({ deployment, service, standard, submittedAt, decidedAt, requester, risk }) => ({
      id: randomUUID(), type: standard ? ("STANDARD" as const) : ("NORMAL" as const), state: "APPROVED" as const, serviceId: service.id, environmentId: input.productionId,
      version: deployment.version, summary: standard ? `Standard change: ${service.slug} ${deployment.version} under "Routine production deploys"` : `Release ${service.slug} ${deployment.version}`,
      description: "", implementationPlan: standard ? "" : "Deploy through the pipeline; watch the dashboards for 30 minutes.", rollbackPlan: standard ? "" : "Redeploy the previous version.",
      plannedStart: deployment.startedAt, patternId: standard ? input.routineId : null, requesterId: requester.kind === "PERSON" ? requester.id : null, requesterLabel: actorLabel(requester),
      submittedAt, decidedAt, decisionReason: standard ? 'Pre-approved by the pattern "Routine production deploys".' : "Plan and rollback reviewed; low blast radius.",
      riskScore: risk?.score ?? null, riskLevel: risk?.level ?? null, createdAt: submittedAt, updatedAt: submittedAt,
    })),
    select: { id: true, number: true, type: true, state: true, version: true, summary: true, reviewDueAt: true, riskScore: true },
  });
  const events: PipelineEvent[] = [];
  const gates = [];
  const approvals = [];
  const required = new Map<string, Awaited<ReturnType<typeof requiredChecksFor>>>();
  const outcomes: { changeId: string; deploymentId: string; outcome: ControlOutcome }[] = [];
  for (const [index, { deployment, service, standard, submittedAt, decidedAt, requester, risk }] of planned.entries()) {
    const change = created[index]!;
    if (standard) {
      const gate = {
        id: randomUUID(), serviceId: service.id, service: service.slug, environmentId: input.productionId, version: deployment.version,
        reasons: [{ rule: "pattern", passed: true, message: 'Eligible for the pattern "Routine production deploys".' }],
      };
      gates.push({ ...gate, outcome: "ALLOW" as const, changeType: "STANDARD" as const, changeRequestId: change.id, patternId: input.routineId, outcomeKey: standardOutcomeKey(input.routineId), plannedAt: deployment.startedAt, actorLabel: actorLabel(requester), createdAt: submittedAt });
      events.push(...standardChangeEvents(requester, gate, { id: change.id, number: change.number, patternId: input.routineId }, submittedAt));
    } else {
      events.push(raiseEvent(requester, { ...change, state: "SUBMITTED" }, service.slug, risk, submittedAt));
      const voters = input.changeManagers.slice(0, cab.quorum);
      for (const [position, voter] of voters.entries()) {
        const at = new Date(decidedAt.getTime() - (voters.length - 1 - position) * 30 * 60_000);
        approvals.push({ changeId: change.id, personId: voter.id, decision: "APPROVE" as const, reason: "Plan and rollback reviewed.", createdAt: at });
        events.push(...voteEvents(voter, change.id, { reason: "Plan and rollback reviewed.", at, approves: position === voters.length - 1 ? { quorum: cab.quorum } : null }));
      }
    }
    const key = `${service.id}|${standard}`;
    if (!required.has(key)) required.set(key, await requiredChecksFor(tx, service.id, standard ? input.routineId : null));
    // A success rolled back later was reported as a success.
    const status = deployment.status === "ROLLED_BACK" ? "SUCCEEDED" : deployment.status;
    const outcome = changeControlEvents(input.pipelines.get(service.id)!, {
      deployment: { id: deployment.id, service: service.slug, version: deployment.version, status, finishedAt: deployment.finishedAt! },
      change: { id: change.id, number: change.number, state: "APPROVED", patternId: standard ? input.routineId : null },
      requiredChecks: required.get(key)!,
      checks: deployment.healthChecks,
    });
    events.push(...outcome.events);
    outcomes.push({ changeId: change.id, deploymentId: deployment.id, outcome });
  }
  if (gates.length) await tx.gateDecision.createMany({ data: gates.map(({ service: _slug, ...gate }) => gate) });
  if (approvals.length) await tx.changeApproval.createMany({ data: approvals });
  await tx.$executeRaw`
    UPDATE "ChangeRequest" c SET state = p.state::"ChangeState", "implementedAt" = p.implemented, "closedAt" = p.closed, "failureReason" = p.failure
      FROM unnest(${outcomes.map((o) => o.changeId)}::text[], ${outcomes.map((o) => o.outcome.state)}::text[], ${outcomes.map((o) => o.outcome.implementedAt)}::timestamp[],
                  ${outcomes.map((o) => o.outcome.closedAt)}::timestamp[], ${outcomes.map((o) => o.outcome.failureReason)}::text[]) AS p(id, state, implemented, closed, failure)
     WHERE c.id = p.id`;
  await tx.$executeRaw`
    UPDATE "Deployment" d SET "changeRequestId" = p.change, "requiredChecksStatus" = p.checks::"RequiredChecksStatus"
      FROM unnest(${outcomes.map((o) => o.deploymentId)}::text[], ${outcomes.map((o) => o.changeId)}::text[], ${outcomes.map((o) => o.outcome.requiredChecksStatus)}::text[]) AS p(id, change, checks)
     WHERE d.id = p.id`;
  const flags = outcomes.flatMap(({ deploymentId, outcome }) => (outcome.flag ? [{ deploymentId, ...outcome.flag }] : []));
  if (flags.length) await tx.deploymentFlag.createMany({ data: flags });
  await recordAuditEvents(tx, events);
}

/** Raised by engineers through the form: two normal changes waiting for the CAB, and an emergency change done and closed, its review overdue. */
async function seedOpenChanges(tx: DbTx, input: ChangeContext) {
  const open = [
    {
      type: "NORMAL" as const, state: "SUBMITTED" as const, slug: "checkout-api", version: "2026.12.1", summary: "Switch card authorisation to the new acquirer",
      description: "Moves card authorisation from the old acquirer's API to the new one behind a percentage rollout.",
      implementationPlan: "Deploy with the new acquirer at 5%, then 25%, 50%, 100% over two days, watching authorisation rates.",
      rollbackPlan: "Set the rollout to 0% (feature flag); redeploy 2026.11.9 if the flag service is unavailable.",
      plannedStart: new Date(input.now.getTime() + 3 * DAY), requester: "amara.okafor@runwell.local",
    },
    {
      type: "NORMAL" as const, state: "SUBMITTED" as const, slug: "ledger-core", version: "5.2.0", summary: "Partition the journal table by month",
      description: "The journal table passed 2 billion rows; monthly partitions keep posting latency flat.",
      implementationPlan: "Online migration with pg_partman during the low-traffic window; dual writes for one day.",
      rollbackPlan: "Stop dual writes and point reads back at the old table; it is kept for 7 days.",
      plannedStart: new Date(input.now.getTime() + 5 * DAY), requester: "hannah.becker@runwell.local",
    },
    {
      type: "EMERGENCY" as const, state: "APPROVED" as const, slug: "identity", version: "8.4.2", summary: "Revoke sessions issued by the compromised signing key",
      description: "A signing key was exposed in a log; all sessions it signed are revoked.", implementationPlan: "Deploy the key rotation and revocation list.",
      rollbackPlan: "None: revocation is intended to be permanent.", plannedStart: new Date(input.now.getTime() - 4 * DAY), requester: "chloe.dubois@runwell.local",
    },
  ];
  const cab = await readCabSettings(tx);
  for (const { slug, requester, ...change } of open) {
    const emergency = change.type === "EMERGENCY";
    const service = input.services.find((candidate) => candidate.slug === slug)!;
    const actor = input.people(requester);
    // Raised when raiseChange would have been called: a day before the CAB, or as the emergency began.
    const raisedAt = emergency ? change.plannedStart : new Date(input.now.getTime() - DAY);
    const risk = await scoreChange(tx, { service, environmentId: input.productionId, plannedStart: change.plannedStart, commits: null }, raisedAt);
    const created = await tx.changeRequest.create({
      data: {
        ...change, serviceId: service.id, environmentId: input.productionId, requesterId: actor.id, requesterLabel: actorLabel(actor), riskScore: risk.score, riskLevel: risk.level,
        submittedAt: raisedAt, decidedAt: emergency ? raisedAt : null, decisionReason: emergency ? "Emergency change: implemented first, reviewed by the CAB afterwards." : null,
        reviewDueAt: emergency ? new Date(raisedAt.getTime() + cab.emergencyReviewHours * 3_600_000) : null, createdAt: raisedAt, updatedAt: raisedAt,
      },
      select: { id: true, number: true, type: true, state: true, version: true, summary: true, reviewDueAt: true, riskScore: true },
    });
    const events = [raiseEvent(actor, created, slug, risk, raisedAt)];
    if (emergency) events.push(...(await deployEmergency(tx, input, { service, change: created, startedAt: new Date(raisedAt.getTime() + 20 * 60_000) })));
    await recordAuditEvents(tx, events);
  }
}

/** The emergency change's release: reported by the pipeline, it implemented and closed the change. */
async function deployEmergency(tx: DbTx, input: ChangeContext, emergency: { service: ChangeContext["services"][number]; change: { id: string; number: number; version: string | null }; startedAt: Date }) {
  const { service, change } = emergency;
  const pipeline = input.pipelines.get(service.id)!;
  const finishedAt = new Date(emergency.startedAt.getTime() + 6 * 60_000);
  const current = await tx.deployment.findFirst({ where: { serviceId: service.id, environmentId: input.productionId, status: "SUCCEEDED", finishedAt: { lt: emergency.startedAt } }, orderBy: { finishedAt: "desc" }, select: { id: true } });
  const row = {
    id: randomUUID(), serviceId: service.id, environmentId: input.productionId, version: change.version!, externalId: `${service.slug}-emergency-${change.number}`, status: "SUCCEEDED" as const,
    startedAt: emergency.startedAt, finishedAt, firstCommitAt: new Date(emergency.startedAt.getTime() - 2 * 3_600_000), deployer: "Chloé Dubois",
    pipelineUrl: `https://ci.runwell.local/${service.slug}/runs/emergency-${change.number}`, replacesId: current?.id ?? null, isRollback: false, changeRequestId: change.id, createdAt: emergency.startedAt,
  };
  await tx.deployment.create({ data: row, select: { id: true } });
  await tx.deploymentCommit.create({ data: { deploymentId: row.id, sha: randomUUID().replaceAll("-", "").slice(0, 12), committedAt: row.firstCommitAt, message: "Rotate the signing key and revoke its sessions", author: "Chloé Dubois" } });
  const check = { id: randomUUID(), deploymentId: row.id, name: "smoke tests", status: "PASS" as const, details: "20 of 20 probes passed.", checkedAt: new Date(finishedAt.getTime() + 5 * 60_000) };
  await tx.deploymentHealthCheck.create({ data: check });
  const outcome = changeControlEvents(pipeline, {
    deployment: { id: row.id, service: service.slug, version: row.version, status: "SUCCEEDED", finishedAt },
    change: { id: change.id, number: change.number, state: "APPROVED", patternId: null },
    requiredChecks: await requiredChecksFor(tx, service.id, null),
    checks: [check],
  });
  await tx.changeRequest.update({ where: { id: change.id }, data: { state: outcome.state, implementedAt: outcome.implementedAt, closedAt: outcome.closedAt }, select: { id: true } });
  return [
    ...reportEvents(pipeline, { ...row, service: service.slug, environment: "production", commits: 1 }),
    ...outcome.events,
    healthCheckEvent(pipeline, check),
  ];
}

/** Twelve successful production deployments over the last three days, with commits, passing checks and their reports' events. */
async function appendCleanStreak(tx: DbTx, input: { serviceId: string; slug: string; productionId: string; now: Date; pipeline: Actor }) {
  const HOUR = 3_600_000;
  const last = await tx.deployment.findFirst({ where: { serviceId: input.serviceId, environmentId: input.productionId, status: "SUCCEEDED" }, orderBy: { finishedAt: "desc" }, select: { id: true } });
  let replacesId = last?.id ?? null;
  const rows = Array.from({ length: 12 }, (_, index) => {
    const finishedAt = new Date(input.now.getTime() - (72 - index * 6) * HOUR);
    const row = {
      id: randomUUID(), serviceId: input.serviceId, environmentId: input.productionId, version: `${input.slug}-streak.${index + 1}`, externalId: `streak-${randomUUID()}`,
      status: "SUCCEEDED" as const, startedAt: new Date(finishedAt.getTime() - 6 * 60_000), finishedAt, firstCommitAt: new Date(finishedAt.getTime() - 20 * HOUR),
      deployer: "ci", pipelineUrl: `https://ci.runwell.local/${input.slug}/streak/${index + 1}`, requiredChecksStatus: "PASSED" as const, replacesId, createdAt: new Date(finishedAt.getTime() - 6 * 60_000),
    };
    replacesId = row.id;
    return row;
  });
  await tx.deployment.createMany({ data: rows });
  await tx.deploymentCommit.createMany({ data: rows.map((row) => ({ deploymentId: row.id, sha: randomUUID().replaceAll("-", "").slice(0, 12), committedAt: row.firstCommitAt, message: "Small, safe change", author: "ci" })) });
  const checks = rows.flatMap((row) => [
    { id: randomUUID(), deploymentId: row.id, name: "smoke tests", status: "PASS" as const, details: "20 of 20 probes passed.", checkedAt: new Date(row.finishedAt.getTime() + 5 * 60_000) },
    { id: randomUUID(), deploymentId: row.id, name: "error rate", status: "PASS" as const, details: "5xx rate 0.01% over 10 minutes.", checkedAt: new Date(row.finishedAt.getTime() + 15 * 60_000) },
  ]);
  await tx.deploymentHealthCheck.createMany({ data: checks });
  await recordAuditEvents(tx, [
    ...rows.flatMap((row) => reportEvents(input.pipeline, { ...row, service: input.slug, environment: "production", isRollback: false, commits: 1 })),
    ...checks.map((check) => healthCheckEvent(input.pipeline, check)),
  ]);
}
