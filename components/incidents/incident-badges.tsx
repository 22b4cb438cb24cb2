import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { IncidentImpact, IncidentStatus } from "@/lib/generated/prisma/enums";
import { IMPACT_WORDS } from "@/lib/incidents/impact";
import { STATUS_WORDS } from "@/lib/incidents/status-transitions";

const IMPACT_TONE: Record<IncidentImpact, BadgeTone> = { HIGH: "danger", MEDIUM: "warning", LOW: "neutral" };
const STATUS_TONE: Record<IncidentStatus, BadgeTone> = { TRIGGERED: "danger", ACKNOWLEDGED: "warning", MITIGATED: "info", RESOLVED: "success", CLOSED: "neutral" };

export function ImpactBadge({ impact }: { impact: IncidentImpact }) {
  const words = IMPACT_WORDS[impact];
  return <Badge tone={IMPACT_TONE[impact]} title={words.restore}>{impact === "HIGH" ? "Major" : `${words.label} impact`}</Badge>;
}

export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const word = STATUS_WORDS[status];
  return <Badge tone={STATUS_TONE[status]}>{word[0]!.toUpperCase() + word.slice(1)}</Badge>;
}
