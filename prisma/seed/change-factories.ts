// Change-management data for tests and the demo: patterns and a deployment history with outcomes.
import { randomUUID } from "node:crypto";
import type { Actor } from "../../lib/auth/actor";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";
import type { PatternRule, Tier } from "../../lib/changes/pattern-rules";
import type { DbTx } from "../../lib/db";
import { SEED_ACTOR, uniqueSlug } from "./factories";

export type PatternSeed = {
  name?: string;
  slug?: string;
  description?: string;
  serviceIds?: string[];
  teamIds?: string[];
  environmentIds?: string[];
  tiers?: Tier[];
  rules: PatternRule[];
};

export async function createPattern(tx: DbTx, input: PatternSeed, actor: Actor = SEED_ACTOR) {
  const name = input.name ?? "Routine deploys";
  const pattern = await tx.deploymentPattern.create({
    data: {
      name,
      slug: input.slug ?? uniqueSlug(name),
      description: input.description ?? "",
      serviceIds: input.serviceIds ?? [],
      teamIds: input.teamIds ?? [],
      environmentIds: input.environmentIds ?? [],
      tiers: input.tiers ?? [],
      rules: input.rules,
    },
    select: { id: true, slug: true, name: true },
  });
  await recordAuditEvent(tx, actor, { action: "pattern.create", entityType: "DeploymentPattern", entityId: pattern.id, after: { ...pattern, rules: input.rules } });
  return pattern;
}

export type HistoryEntry = {
  status: "SUCCEEDED" | "FAILED" | "ROLLED_BACK";
  /** Days before `now` the deployment finished. */
  daysAgo: number;
  requiredChecksStatus?: "PASSED" | "FAILED" | "MISSING" | null;
  version?: string;
};

/** Bulk history (no audit events: it stands for what pipelines reported before). */
export async function createDeploymentHistory(tx: DbTx, input: { serviceId: string; environmentId: string; entries: HistoryEntry[]; now?: Date; deployer?: string }) {
  const now = input.now ?? new Date();
  await tx.deployment.createMany({
    data: input.entries.map((entry, index) => {
      const finishedAt = new Date(now.getTime() - entry.daysAgo * 86_400_000);
      return {
        id: randomUUID(),
        serviceId: input.serviceId,
        environmentId: input.environmentId,
        version: entry.version ?? `0.${index + 1}.0`,
        externalId: `history-${randomUUID()}`,
        status: entry.status,
        startedAt: new Date(finishedAt.getTime() - 5 * 60_000),
        finishedAt,
        firstCommitAt: new Date(finishedAt.getTime() - 26 * 3_600_000),
        deployer: input.deployer ?? "ci",
        requiredChecksStatus: entry.requiredChecksStatus ?? null,
      };
    }),
  });
}
