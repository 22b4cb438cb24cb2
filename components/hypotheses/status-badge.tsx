import { Badge, type BadgeTone } from "@/components/ui/badge";
import { STATUS_LABEL, type HypothesisStatus } from "@/lib/hypotheses/rules";

const TONE: Record<HypothesisStatus, BadgeTone> = { OPEN: "info", DUE: "warning", VALIDATED: "success", INVALIDATED: "danger", INCONCLUSIVE: "neutral" };

export function HypothesisStatusBadge({ status }: { status: HypothesisStatus }) {
  return <Badge tone={TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}
