// The evidence pack of one change, for auditors: what changed (commits), who approved it and why,
// what the gate decided, who deployed it, what the health checks said, linked incidents, and every
// audit event about the change, its deployments and its gate decisions, with their chain positions.
import type { Actor } from "../auth/actor";
import { authorize, can } from "../authz/can";
import type { Db } from "../db";
import { describeAuditEvents } from "../audit/describe-audit-events";
import { sentenceText } from "../audit/sentence-kit";
import { notFound } from "../errors";
import { ZChangeId } from "./schemas";

export async function buildEvidencePack(prisma: Db, actor: Actor, changeId: string, now = new Date()) {
  authorize(actor, "changes.evidence");
  // An id no change can have (a NUL in it would reach PostgreSQL as a 500) is a missing change.
  const change = !ZChangeId.safeParse(changeId).success ? null : await prisma.changeRequest.findUnique({
    where: { id: changeId },
    select: {
      id: true, number: true, type: true, state: true, version: true, summary: true, description: true, implementationPlan: true, rollbackPlan: true,
      plannedStart: true, plannedEnd: true, riskScore: true, riskLevel: true, commitShas: true, requesterLabel: true, submittedAt: true, decidedAt: true,
      decisionReason: true, implementedAt: true, closedAt: true, failureReason: true, reviewDueAt: true, reviewedAt: true, reviewNotes: true, createdAt: true,
      reviewedBy: { select: { name: true, email: true } },
      pattern: { select: { slug: true, name: true, rules: true } },
      service: { select: { id: true, slug: true, name: true, tier: true, team: { select: { name: true } } } },
      environment: { select: { slug: true, name: true } },
      approvals: { orderBy: { createdAt: "asc" }, select: { decision: true, reason: true, createdAt: true, person: { select: { name: true, email: true } } } },
      comments: { orderBy: { createdAt: "asc" }, select: { authorLabel: true, body: true, createdAt: true } },
      gateDecisions: { orderBy: { createdAt: "asc" }, select: { id: true, outcome: true, changeType: true, reasons: true, plannedAt: true, commitShas: true, actorLabel: true, createdAt: true } },
      deployments: {
        orderBy: { startedAt: "asc" },
        select: {
          id: true, version: true, status: true, startedAt: true, finishedAt: true, deployer: true, pipelineUrl: true, requiredChecksStatus: true,
          environment: { select: { slug: true } },
          commits: { orderBy: { committedAt: "asc" }, select: { sha: true, committedAt: true, author: true, message: true } },
          healthChecks: { orderBy: { checkedAt: "asc" }, select: { name: true, status: true, details: true, checkedAt: true } },
          flags: { select: { kind: true, message: true, createdAt: true } },
        },
      },
    },
  });
  // Another service's change is answered like a missing one: a token cannot probe for change ids.
  if (!change || !can(actor, "changes.evidence", { serviceId: change.service.id })) throw notFound("The change request");
  const entityIds = [change.id, ...change.deployments.map((deployment) => deployment.id), ...change.gateDecisions.map((decision) => decision.id)];
  const events = await prisma.auditEvent.findMany({
    where: { entityId: { in: entityIds } },
    orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    take: 2000,
    select: { id: true, seq: true, hash: true, occurredAt: true, actorId: true, actorLabel: true, actorKind: true, action: true, entityType: true, entityId: true, before: true, after: true },
  });
  const { service, ...rest } = change;
  return {
    generatedAt: now.toISOString(),
    change: { ...rest, service: { slug: service.slug, name: service.name, tier: service.tier, team: service.team.name } },
    // Incidents a responder confirmed were caused by one of this change's deployments.
    incidents: await causedIncidents(prisma, change.deployments.map((deployment) => deployment.id)),
    // Each event in words (current names, before → after), beside the raw event and its chain position.
    auditEvents: (await describeAuditEvents(prisma, events)).map(({ sentence, ...event }) => ({
      ...event, seq: event.seq?.toString() ?? null, sealed: event.seq !== null, sentence, says: sentenceText(sentence),
    })),
  };
}

async function causedIncidents(prisma: Db, deploymentIds: string[]) {
  const items = deploymentIds.length
    ? await prisma.incident.findMany({
        where: { causeDeploymentId: { in: deploymentIds } },
        orderBy: { triggeredAt: "asc" },
        take: 100,
        select: { id: true, number: true, title: true, impact: true, status: true, triggeredAt: true, resolvedAt: true, availabilityLostAt: true, availabilityRegainedAt: true, causeDeploymentId: true },
      })
    : [];
  return {
    tracked: true as const,
    items,
    note: items.length ? "" : "No incident names a deployment of this change as its cause.",
  };
}

export type EvidencePack = Awaited<ReturnType<typeof buildEvidencePack>>;
