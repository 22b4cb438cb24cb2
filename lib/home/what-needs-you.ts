// The short list at the top of the product manager's home: what is waiting for their decision, the most
// pressing first. Pure: the home's reads hand it what each area found.

export type NeedKind = "SERVICE_BURNING" | "REVIEW_OVERDUE" | "REVIEW_TO_SCHEDULE" | "BALANCE" | "STUCK_ACTION" | "HYPOTHESIS_DUE" | "SERVICE_OFF_TARGET" | "REVIEW_DUE";

export type Need = { kind: NeedKind; title: string; detail: string; href: string };

export type NeedsInput = {
  services: { slug: string; name: string; team: string; burn: "FAST" | "SLOW" | null; budgetSpent: boolean; onTarget: boolean }[];
  reviews: { label: string; title: string; dueAt: Date; href: string }[];
  reviewsToSchedule: { incidentNumber: number; title: string; href: string; major: boolean }[];
  /** Teams whose balance says reliability needs operational work first. */
  balanceSignals: { team: string; href: string; services: string[] }[];
  stuckActions: { title: string; team: string; ageDays: number; href: string; repeat: boolean }[];
  hypothesesDue: { label: string; service: string; measureBy: Date; href: string }[];
};

/** Lower comes first: what hurts users now, then what is late, then what is merely due. */
const ORDER: Record<NeedKind, number> = {
  SERVICE_BURNING: 0,
  REVIEW_OVERDUE: 1,
  REVIEW_TO_SCHEDULE: 2,
  BALANCE: 3,
  STUCK_ACTION: 4,
  HYPOTHESIS_DUE: 5,
  SERVICE_OFF_TARGET: 6,
  REVIEW_DUE: 7,
};

const DAY = 86_400_000;
const date = (at: Date) => at.toISOString().slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Reviews due within this many days are listed before they are late. */
export const REVIEW_DUE_SOON_DAYS = 3;

export function whatNeedsYou(input: NeedsInput, now: Date): Need[] {
  const needs: Need[] = [];
  for (const service of input.services) {
    const href = `/services/${service.slug}`;
    if (service.burn === "FAST" || service.budgetSpent) {
      const why = service.burn === "FAST" ? "is burning its error budget fast" : "has spent its 28-day error budget";
      needs.push({ kind: "SERVICE_BURNING", title: `${service.name} ${why}`, detail: `${service.team}: put reliability work first until it recovers.`, href });
    } else if (!service.onTarget) {
      needs.push({ kind: "SERVICE_OFF_TARGET", title: `${service.name} is below its availability target`, detail: `${service.team}, over the last 28 days.`, href });
    }
  }
  for (const review of input.reviews) {
    const late = review.dueAt.getTime() < now.getTime();
    if (!late && review.dueAt.getTime() - now.getTime() > REVIEW_DUE_SOON_DAYS * DAY) continue;
    needs.push({
      kind: late ? "REVIEW_OVERDUE" : "REVIEW_DUE",
      title: `${review.label} ${late ? "is overdue" : "is due soon"}`,
      detail: `${review.title}: due ${date(review.dueAt)}.`,
      href: review.href,
    });
  }
  for (const incident of input.reviewsToSchedule) {
    needs.push({
      kind: "REVIEW_TO_SCHEDULE",
      title: `Schedule a review of INC-${incident.incidentNumber}`,
      detail: `${incident.title}${incident.major ? " (major: every major incident is reviewed)" : ""}.`,
      href: incident.href,
    });
  }
  for (const signal of input.balanceSignals) {
    needs.push({ kind: "BALANCE", title: `${signal.team}: reliability needs operational work first`, detail: `Off target or burning budget: ${signal.services.join(", ")}.`, href: signal.href });
  }
  for (const action of input.stuckActions) {
    needs.push({
      kind: "STUCK_ACTION",
      title: `${action.repeat ? "Raised again" : "Stuck"}: ${action.title}`,
      detail: `${action.team}, open ${plural(action.ageDays, "day")}.`,
      href: action.href,
    });
  }
  for (const hypothesis of input.hypothesesDue) {
    needs.push({ kind: "HYPOTHESIS_DUE", title: `${hypothesis.label} on ${hypothesis.service} is due a verdict`, detail: `Its metric was to move by ${date(hypothesis.measureBy)}: record validated, invalidated or inconclusive.`, href: hypothesis.href });
  }
  return needs.map((need, index) => ({ need, index })).sort((a, b) => ORDER[a.need.kind] - ORDER[b.need.kind] || a.index - b.index).map(({ need }) => need);
}
