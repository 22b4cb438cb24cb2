import { Badge } from "@/components/ui/badge";
import type { ReviewStatus } from "@/lib/runbooks/review-status";

export function ReviewBadge({ review }: { review: ReviewStatus }) {
  if (!review.stale) return null;
  return (
    <Badge tone="warning" title={`Review was due ${review.dueAt.toISOString().slice(0, 10)}`}>
      Review overdue{review.daysOverdue ? ` by ${review.daysOverdue} ${review.daysOverdue === 1 ? "day" : "days"}` : ""}
    </Badge>
  );
}
