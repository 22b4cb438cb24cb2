// A pipeline reports a deployment: idempotent by (service, externalId). The first report creates it
// (201), a replay returns the same id (200), a later status moves it forward (200), and a move
// backwards (succeeded → started) is a conflict (409). Nothing is written on a rejected report.
import { randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import type { AuditAction } from "../audit/audit-actions";
import { requestSealInBackground } from "../audit/seal-audit-events";
import { ANOTHER_SERVICE, authorize, tokenServiceLimit } from "../authz/can";
import { plannedDeploymentEvents } from "./deployment-events";
import { planChangeControl } from "../changes/change-control-plan";
import { evaluateRequiredChecks } from "../changes/deployment-control";
import type { Db } from "../db";
import { AppError, conflict, forbidden, parseInput } from "../errors";
import { linkReplayedHypothesis, resolveReportedHypothesis } from "../hypotheses/reported-hypothesis";
import { readIngestContext, writeDeployment, type IngestContext, type IngestWrite } from "./ingest-sql";
import { ZReportDeployment, type ApiStatus } from "./schemas";
import { toDbStatus, transitionOutcome } from "./status-transitions";

/** A later report of a known deployment is audited as its new status (audit-sentences.ts). */
const STATUS_ACTIONS = { started: "deployment.started", succeeded: "deployment.succeeded", failed: "deployment.failed", rolled_back: "deployment.rolled-back" } as const satisfies Record<ApiStatus, AuditAction>;

export type ReportedDeployment = { id: string; created: boolean; status: string; isRollback: boolean; replacesId: string | null };

const MAX_ATTEMPTS = 3;

export async function reportDeployment(prisma: Db, actor: Actor, input: unknown, now = new Date()): Promise<ReportedDeployment> {
  const data = parseInput(ZReportDeployment, input);
  authorize(actor, "deployments.report");
  const status = toDbStatus(data.status);
  // A concurrent report of the same run can win between our read and write; re-read and decide again.
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const context = await readIngestContext(prisma, data);
    const { serviceId, environmentId } = checkContext(actor, context, data);
    const hypothesisId = data.hypothesis ? await reportedHypothesis(prisma, data.hypothesis, serviceId) : null;
    const outcome = transitionOutcome(context.existing?.status ?? null, status);
    const existing = context.existing;
    if (existing && (existing.environmentId !== environmentId || existing.version !== data.version)) {
      throw conflict(`The run "${data.externalId}" already reported version ${existing.version} to another environment or version.`, {
        externalId: ["This run id already belongs to a deployment of another version or environment."],
      });
    }
    if (outcome === "invalid") {
      throw conflict(`The deployment is ${existing!.status.toLowerCase()} and cannot become ${data.status}.`, {
        status: [`A ${existing!.status.toLowerCase()} deployment cannot become ${data.status}.`],
      });
    }
    if (outcome === "replay") {
      if (hypothesisId && context.isProduction && await linkReplayedHypothesis(prisma, actor, hypothesisId, existing!.id)) requestSealInBackground(prisma);
      return { id: existing!.id, created: false, status: data.status, isRollback: false, replacesId: null };
    }

    const write = buildWrite(data, status, { serviceId, environmentId }, context, now);
    // Only production releases ship a hypothesis; other environments' reports name it harmlessly.
    write.hypothesisId = context.isProduction ? hypothesisId : null;
    if (await writeDeployment(prisma, actor, write)) {
      // Checks reported before the deployment finished, or a deadline already past, decide at once.
      if (write.control.requiredChecks && (existing?.hasHealthChecks || write.control.requiredChecks.evaluateNow)) {
        await evaluateRequiredChecks(prisma, actor, write.id, now);
      }
      // The audit events committed with their changes; the response need not wait for the chain.
      requestSealInBackground(prisma);
      return { id: write.id, created: !existing, status: data.status, isRollback: write.isRollback, replacesId: write.replacesId };
    }
  }
  throw conflict("The deployment changed while this report was being written; send it again.");
}

async function reportedHypothesis(prisma: Db, ref: string, serviceId: string): Promise<string> {
  const resolved = await resolveReportedHypothesis(prisma, ref, serviceId);
  if ("error" in resolved) throw AppError.validation({ hypothesis: [resolved.error] });
  return resolved.id;
}

function checkContext(actor: Actor, context: IngestContext, data: { service: string; environment: string }) {
  const fields: Record<string, string[]> = {};
  if (!context.serviceId) {
    // A service token must not learn which other slugs exist; it may only ever name its own service.
    if (tokenServiceLimit(actor, "deployments.report") !== null) throw forbidden(ANOTHER_SERVICE);
    fields.service = [`No service has the slug "${data.service}".`];
  } else if (context.serviceArchived) fields.service = ["The service is archived."];
  if (!context.environmentId) fields.environment = [`No environment has the slug "${data.environment}".`];
  if (context.serviceId) authorize(actor, "deployments.report", { serviceId: context.serviceId });
  if (Object.keys(fields).length) throw AppError.validation(fields);
  return { serviceId: context.serviceId!, environmentId: context.environmentId! };
}

function buildWrite(
  data: ReturnType<typeof ZReportDeployment.parse>,
  status: IngestWrite["status"],
  ids: { serviceId: string; environmentId: string },
  context: IngestContext,
  now: Date,
): IngestWrite {
  const finishedAt = data.finishedAt ?? (status === "STARTED" ? null : now.toISOString());
  const firstCommitAt = data.commits.length
    ? new Date(Math.min(...data.commits.map((commit) => Date.parse(commit.committedAt)))).toISOString()
    : null;
  // Only a success changes what runs in the environment: it replaces the current deployment, and
  // putting back a version that ran before the current one is a rollback of the current one.
  const succeeded = status === "SUCCEEDED";
  const current = succeeded && context.current && context.current.id !== context.existing?.id ? context.current : null;
  const isRollback = Boolean(current && context.versionRanBeforeCurrent);
  const id = context.existing?.id ?? randomUUID();
  const after = {
    service: data.service, environment: data.environment, version: data.version, externalId: data.externalId,
    status, startedAt: data.startedAt, finishedAt, deployer: data.deployer ?? null, pipelineUrl: data.pipelineUrl ?? null,
    commits: data.commits.length, replacesId: current?.id ?? null, isRollback,
  };
  const control = planChangeControl({
    deployment: {
      id, service: data.service, environment: data.environment, version: data.version, status,
      finishedAt: finishedAt ? new Date(finishedAt) : context.existing?.finishedAt ? new Date(context.existing.finishedAt) : null,
    },
    isProduction: context.isProduction,
    linkedChange: context.linkedChange,
    approvedChange: context.approvedChange,
    requiredChecks: context.requiredChecks,
    requiredChecksStatus: context.existing?.requiredChecksStatus ?? null,
    now,
  });
  return {
    id,
    ...ids,
    version: data.version,
    externalId: data.externalId,
    status,
    expectedStatus: context.existing?.status ?? null,
    startedAt: data.startedAt,
    finishedAt,
    pipelineUrl: data.pipelineUrl ?? null,
    deployer: data.deployer ?? null,
    firstCommitAt,
    replacesId: current?.id ?? null,
    isRollback,
    commits: data.commits.map((commit) => ({
      sha: commit.sha.toLowerCase(), committedAt: commit.committedAt, message: commit.message ?? null, author: commit.author ?? null,
    })),
    audit: context.existing
      ? { action: STATUS_ACTIONS[data.status], before: { status: context.existing.status }, after }
      : { action: "deployment.report", before: undefined, after },
    domainEvents: plannedDeploymentEvents({
      id, service: { id: ids.serviceId, slug: data.service, name: context.serviceName ?? data.service }, environment: data.environment,
      version: data.version, status, previousStatus: context.existing?.status ?? null, isProduction: context.isProduction, flag: control.flag,
    }),
    teamId: context.teamId!,
    hypothesisId: null,
    control,
    revert: isRollback && current
      ? { id: current.id, before: { status: "SUCCEEDED" }, after: { status: "ROLLED_BACK", rolledBackBy: id } }
      : null,
  };
}
