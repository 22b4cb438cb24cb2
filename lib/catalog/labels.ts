import type { DeploymentTarget, Lifecycle, ServiceLinkKind, ServiceTier } from "../generated/prisma/enums.ts";

export const TIER_LABEL: Record<ServiceTier, string> = {
  TIER_1: "Tier 1 · critical",
  TIER_2: "Tier 2 · important",
  TIER_3: "Tier 3 · standard",
  TIER_4: "Tier 4 · internal",
};

export const LIFECYCLE_LABEL: Record<Lifecycle, string> = {
  EXPERIMENTAL: "Experimental",
  PRODUCTION: "Production",
  DEPRECATED: "Deprecated",
};

export const LINK_KIND_LABEL: Record<ServiceLinkKind, string> = {
  DASHBOARD: "Dashboard",
  ALERTS: "Alert definitions",
  DOCS: "Documentation",
  OTHER: "Link",
};

/** API shape of a tier: 1 (critical) to 4. */
export function tierNumber(tier: ServiceTier): number {
  return Number(tier.slice("TIER_".length));
}

export const DEPLOYMENT_TARGET_LABEL: Record<DeploymentTarget, string> = {
  MONTHLY: "Monthly",
  FORTNIGHTLY: "Fortnightly",
  WEEKLY: "Weekly",
  DAILY: "Daily or more",
};
