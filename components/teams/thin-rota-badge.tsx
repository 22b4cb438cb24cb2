import { Badge } from "@/components/ui/badge";
import { isThinRota } from "@/lib/teams/rota";

/** Shown beside a member count, so a team too small for a fair rota stands out in lists. */
export function ThinRotaBadge({ memberCount }: { memberCount: number }) {
  if (!isThinRota(memberCount)) return null;
  return <Badge tone="warning">Thin rota</Badge>;
}
