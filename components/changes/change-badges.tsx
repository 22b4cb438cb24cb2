import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATE_LABELS, type ChangeState, type ChangeType } from "@/lib/changes/state-machine";

const STATE_TONE: Record<ChangeState, BadgeTone> = {
  DRAFT: "neutral", SUBMITTED: "info", APPROVED: "brand", REJECTED: "danger", IMPLEMENTED: "info", CLOSED: "success", FAILED: "danger", CANCELLED: "neutral",
};

export function ChangeStateBadge({ state }: { state: ChangeState }) {
  return <Badge tone={STATE_TONE[state]}>{STATE_LABELS[state]}</Badge>;
}

const TYPE_TONE: Record<ChangeType, BadgeTone> = { STANDARD: "success", NORMAL: "neutral", EMERGENCY: "warning" };

export function ChangeTypeBadge({ type }: { type: ChangeType }) {
  return <Badge tone={TYPE_TONE[type]}>{type.charAt(0) + type.slice(1).toLowerCase()}</Badge>;
}

export function RiskBadge({ level, score }: { level: "LOW" | "MEDIUM" | "HIGH" | null; score?: number | null }) {
  if (!level) return <span className="text-fg-muted">—</span>;
  const tone: BadgeTone = level === "HIGH" ? "danger" : level === "MEDIUM" ? "warning" : "success";
  return <Badge tone={tone}>{`${level.charAt(0) + level.slice(1).toLowerCase()} risk${score !== undefined && score !== null ? ` (${score})` : ""}`}</Badge>;
}

export function VerdictBadge({ passed }: { passed: boolean }) {
  return <Badge tone={passed ? "success" : "danger"}>{passed ? "Passes" : "Fails"}</Badge>;
}
