import type { TargetChoice } from "@/lib/catalog/availability";
import type { ExposureBandRule } from "@/lib/catalog/exposure-bands";
import type { MoneyUnit } from "@/lib/money/currency";

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
  /** The organisation's currency: the exposure is typed, hinted and validated in it. */
  unit: MoneyUnit;
  /** The availability targets with their labels and hints (targetChoices()), so the browser needs none of the rules. */
  targets: TargetChoice[];
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
