import type { ExposureBandRule } from "@/lib/catalog/availability";

export type ServiceFormValues = {
  name: string;
  slug: string;
  description: string;
  teamId: string;
  lifecycle: string;
  tier: string;
  maxLossPerHour: string;
  availabilityTarget: string;
  targetJustification: string;
  deploymentTarget: string;
  repositoryUrl: string;
  links: { kind: string; label: string; url: string }[];
};

export type ServiceFormOptions = {
  teams: { id: string; name: string }[];
  bands: ExposureBandRule[];
};

export const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  slug: "Slug",
  description: "Description",
  teamId: "Owning team",
  lifecycle: "Lifecycle",
  tier: "Tier",
  maxLossPerHour: "Maximum loss per hour",
  availabilityTarget: "Availability target",
  targetJustification: "Why this target",
  deploymentTarget: "Deployment target",
  repositoryUrl: "Repository",
  links: "Links",
};
