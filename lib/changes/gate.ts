// POST /api/v1/changes/gate: may this pipeline deploy this version now? Reads in two bounded round
// trips, decides with pure rules (state-machine.ts, eligibility.ts), and records the answer (once per
// version and outcome) with a standard change when a pattern allows it.
import { createHash, randomUUID } from "node:crypto";
import type { Actor } from "../auth/actor";
import { requestSealInBackground } from "../audit/seal-audit-events";
import { ANOTHER_SERVICE, authorize, tokenServiceLimit } from "../authz/can";
import type { Db } from "../db";
import { AppError, forbidden, parseInput } from "../errors";
import { evaluatePattern, recordNeeds, type TrackRecord } from "./eligibility";
import { readGateContext, readTrackRecord, standardChangeOf, writeGateDecision } from "./gate-sql";
import { onCallAt } from "./oncall-at";
import { readRules } from "./pattern-rules";
import { ZGateRequest } from "./schemas";
import { decideGate, type ChangeType } from "./state-machine";
import { applyBudgetPolicy, budgetVerdict } from "../reliability/budget-policy";

export type GateResponse = {
  decision: "allow" | "deny";
  changeType: ChangeType | null;
  changeRequestId: string | null;
  reasons: { rule: string; passed: boolean; message: string }[];
  url: string;
};

const key = (...parts: (string | null)[]) => createHash("sha256").update(parts.join("|")).digest("hex").slice(0, 32);

export async function gateDecision(prisma: Db, actor: Actor, input: unknown, origin: string, now = new Date()): Promise<GateResponse> {
  const data = parseInput(ZGateRequest, input);
  authorize(actor, "changes.gate");
  const plannedAt = data.plannedAt ? new Date(data.plannedAt) : now;
  const context = await readGateContext(prisma, { service: data.service, environment: data.environment, version: data.version, plannedAt, now });

  const fields: Record<string, string[]> = {};
  if (!context.service) {
    // A service's token must not learn which other slugs exist: it hears what it would for another service's.
    if (tokenServiceLimit(actor, "changes.gate") !== null) throw forbidden(ANOTHER_SERVICE);
    fields.service = [`No service has the slug "${data.service}".`];
  } else {
    authorize(actor, "changes.gate", { serviceId: context.service.id });
    if (context.service.archived) fields.service = ["The service is archived."];
  }
  if (!context.environment) fields.environment = [`No environment has the slug "${data.environment}".`];
  if (Object.keys(fields).length) throw AppError.validation(fields);
  const service = context.service!;
  const environment = context.environment!;

  // Evaluate patterns only when they can decide: production, no freeze, no approved change.
  const patterns: { id: string; name: string; eligible: boolean; verdicts: ReturnType<typeof evaluatePattern>["verdicts"] }[] = [];
  if (environment.isProduction && !context.freeze && !context.approved && context.patterns.length) {
    const rules = context.patterns.map((pattern) => readRules(pattern.rules));
    const needs = recordNeeds(rules);
    const needsOnCall = rules.some((list) => list?.some((rule) => rule.kind === "on-call"));
    const [history, onCall] = await Promise.all([
      needs.days.length || needs.recent
        ? readTrackRecord(prisma, { serviceId: service.id, environmentId: environment.id, days: needs.days, recent: needs.recent, now })
        : Promise.resolve({ windows: {}, recentChecks: [] }),
      needsOnCall ? onCallAt(prisma, service.slug, plannedAt) : Promise.resolve({ covered: true, reason: "Not asked.", inHours: true }),
    ]);
    const record: TrackRecord = { tier: service.tier, ...history, automated: actor.kind === "TOKEN", freeze: context.freeze, onCall };
    context.patterns.forEach((pattern, index) => patterns.push({ id: pattern.id, name: pattern.name, ...evaluatePattern(rules[index]!, record) }));
  }

  let answer = decideGate({ isProduction: environment.isProduction, freeze: context.freeze, approved: context.approved, patterns });
  // The error-budget policy holds back standard changes only (its reads came with the context).
  if (answer.decision === "allow" && answer.changeType === "STANDARD") answer = applyBudgetPolicy(answer, budgetVerdict(context.budget, origin));
  let changeId = answer.changeId;
  let newStandard = null;
  if (answer.decision === "allow" && answer.changeType === "STANDARD") {
    if (context.standard) changeId = context.standard.id;
    else {
      const pattern = context.patterns.find((candidate) => candidate.id === answer.patternId)!;
      changeId = randomUUID();
      newStandard = { id: changeId, summary: `Standard change: ${service.slug} ${data.version} under "${pattern.name}"`, serviceSlug: service.slug, patternName: pattern.name };
    }
  }
  const outcomeKey =
    answer.decision === "deny"
      ? key("deny", ...answer.reasons.filter((reason) => !reason.passed).map((reason) => reason.rule))
      : key("allow", answer.changeType, answer.changeType === "STANDARD" ? answer.patternId : changeId);
  const where = { serviceId: service.id, environmentId: environment.id, version: data.version, outcomeKey };
  const wrote = await writeGateDecision(prisma, actor, {
    ...where,
    outcome: answer.decision === "allow" ? "ALLOW" : "DENY",
    changeType: answer.changeType,
    changeId,
    patternId: answer.patternId,
    reasons: answer.reasons,
    plannedAt,
    commitShas: (data.commits ?? []).map((sha) => sha.toLowerCase()),
    newStandard,
  });
  // The decision and its audit events committed together; like the ingest, a pipeline's answer need not
  // wait for the hash chain (the background pass, and instrumentation.ts's timer, seal them).
  if (wrote) requestSealInBackground(prisma);
  else if (newStandard) changeId = (await standardChangeOf(prisma, where))?.id ?? null;

  const raise = new URLSearchParams({ service: service.slug, environment: data.environment, version: data.version });
  return {
    decision: answer.decision,
    changeType: answer.changeType,
    changeRequestId: changeId,
    reasons: answer.reasons,
    url: changeId ? `${origin}/changes/${changeId}` : answer.decision === "deny" ? `${origin}/changes/new?${raise}` : `${origin}/deployments`,
  };
}
