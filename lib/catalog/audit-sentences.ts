// The catalogue's audit events in words (create-service, update-service, archive-service, and the
// organisation's environments and exposure bands). Registered in lib/audit/audit-actions.ts.
import { edited, field, possessive, sentence, type FieldSpecs, type SentenceMap } from "../audit/sentence-kit";
import { NONE } from "../audit/value-words";
import type { AvailabilityTarget } from "../generated/prisma/enums.ts";
import { AVAILABILITY_TARGETS, DEPLOYMENT_TARGET_LABEL, targetLabel } from "./availability";
import { LIFECYCLE_LABEL, LINK_KIND_LABEL, TIER_LABEL } from "./labels";

const TARGET_WORDS = Object.fromEntries(AVAILABILITY_TARGETS.map((target) => [target, targetLabel(target as AvailabilityTarget)]));
const DEPLOYMENT_TARGETS = ["MONTHLY", "FORTNIGHTLY", "WEEKLY", "DAILY"] as const;

export const SERVICE_FIELDS: FieldSpecs = {
  slug: field.plain("slug"),
  name: field.plain("name"),
  description: field.text("description"),
  teamId: field.ref("team", "Team"),
  lifecycle: field.words("lifecycle", LIFECYCLE_LABEL),
  tier: field.words("tier", TIER_LABEL),
  maxLossPerHour: field.money("exposure per hour of downtime"),
  availabilityTarget: field.words("availability target", TARGET_WORDS, AVAILABILITY_TARGETS),
  targetJustification: field.plain("target justification"),
  deploymentTarget: field.words("deployment target", DEPLOYMENT_TARGET_LABEL, DEPLOYMENT_TARGETS),
  repositoryUrl: field.plain("repository"),
  archivedAt: field.dateTime("archived"),
  links: {
    label: "links",
    say: (value) => (Array.isArray(value) && value.length ? value.map((link) => (link as { label?: string }).label ?? "link").join(", ") : NONE),
  },
};

export const catalogSentences = {
  "service.create": (ctx) => sentence(ctx.actor, " created the service ", ctx.entity, " for ", ctx.ref("Team", ctx.after.teamId, "a team")),
  "service.update": (ctx) => edited(ctx, SERVICE_FIELDS),
  "service.transfer": (ctx) => ({
    parts: [ctx.actor, " moved ", ctx.entity, " from ", ctx.ref("Team", ctx.before.teamId, "a deleted team"), " to ", ctx.ref("Team", ctx.after.teamId, "a deleted team")],
    changes: ctx.changes(SERVICE_FIELDS).filter((change) => change.field !== "teamId"),
  }),
  "service.archive": (ctx) => sentence(ctx.actor, " archived the service ", ctx.entity),
  "service.restore": (ctx) => sentence(ctx.actor, " restored the service ", ctx.entity, " to the catalogue"),
  "service-link.create": (ctx) =>
    sentence(ctx.actor, " added the ", LINK_KIND_LABEL[ctx.after.kind as keyof typeof LINK_KIND_LABEL]?.toLowerCase() ?? "link", " “", ctx.entity, "” to ", possessive(ctx.ref("Service", ctx.after.serviceId, "a deleted service")), " page"),
  "environment.create": (ctx) => sentence(ctx.actor, " created the environment ", ctx.entity, ctx.after.isProduction ? " (production: deployments need an approved change)" : ""),
  "exposure-band.create": (ctx) =>
    sentence(ctx.actor, " created the exposure band ", ctx.entity, `: from ${ctx.words.money(ctx.after.minLossPerHour)} an hour of downtime, suggesting ${TARGET_WORDS[ctx.after.availabilityTarget as string] ?? ctx.words.any(ctx.after.availabilityTarget)}`),
} satisfies SentenceMap;
