// "Closed once reviewed" (issue 15 item 1): an incident with a review closes only once the review is
// published; publishing the review of a resolved incident closes it (publish-review.ts). An incident
// without a review closes as before. Pure.
import type { ReviewStatus } from "../generated/prisma/enums.ts";
import { reviewLabel } from "./paths";

export function closingRefusal(review: { number: number; status: ReviewStatus } | null): string | null {
  if (!review || review.status === "PUBLISHED") return null;
  return `The incident closes once its review ${reviewLabel(review.number)} is published (it is ${review.status === "COLLECTING" ? "collecting analyses" : "being drafted"}).`;
}
