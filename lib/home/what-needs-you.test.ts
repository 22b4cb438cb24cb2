import { describe, expect, it } from "vitest";
import { whatNeedsYou, type NeedsInput } from "./what-needs-you";

const now = new Date("2026-12-04T10:00:00Z");
const empty: NeedsInput = { services: [], reviews: [], reviewsToSchedule: [], balanceSignals: [], stuckActions: [], hypothesesDue: [] };
const service = (name: string, over: Partial<NeedsInput["services"][number]> = {}) => ({ slug: name.toLowerCase(), name, team: "Payments", burn: null, budgetSpent: false, onTarget: true, ...over });

describe("what needs the product manager", () => {
  it("is empty when nothing waits", () => {
    expect(whatNeedsYou(empty, now)).toEqual([]);
  });

  it.each([
    ["burning fast", { burn: "FAST" as const }, "SERVICE_BURNING", "Checkout is burning its error budget fast"],
    ["budget spent", { budgetSpent: true, onTarget: false }, "SERVICE_BURNING", "Checkout has spent its 28-day error budget"],
    ["below target only", { onTarget: false }, "SERVICE_OFF_TARGET", "Checkout is below its availability target"],
  ])("a service %s", (_case, over, kind, title) => {
    expect(whatNeedsYou({ ...empty, services: [service("Checkout", over)] }, now)).toEqual([expect.objectContaining({ kind, title, href: "/services/checkout" })]);
  });

  it("leaves out healthy services and slow burns still on target", () => {
    expect(whatNeedsYou({ ...empty, services: [service("Checkout"), service("Search", { burn: "SLOW" })] }, now)).toEqual([]);
  });

  it("lists reviews overdue, or due within three days, but not later ones", () => {
    const review = (number: number, dueAt: string) => ({ label: `PIR-${number}`, title: `Review ${number}`, dueAt: new Date(dueAt), href: `/reviews/${number}` });
    const needs = whatNeedsYou({ ...empty, reviews: [review(1, "2026-12-03T00:00:00Z"), review(2, "2026-12-07T09:00:00Z"), review(3, "2026-12-07T11:00:00Z")] }, now);
    expect(needs.map((need) => [need.kind, need.title])).toEqual([["REVIEW_OVERDUE", "PIR-1 is overdue"], ["REVIEW_DUE", "PIR-2 is due soon"]]);
  });

  it("puts what hurts users first, then what is late, then what is merely due", () => {
    const needs = whatNeedsYou({
      services: [service("Search", { onTarget: false }), service("Checkout", { burn: "FAST" })],
      reviews: [{ label: "PIR-4", title: "Outage", dueAt: new Date("2026-12-01T00:00:00Z"), href: "/reviews/4" }],
      reviewsToSchedule: [{ incidentNumber: 9, title: "Login errors", href: "/incidents/9", major: true }],
      balanceSignals: [{ team: "Payments", href: "/teams/payments/backlog", services: ["Checkout"] }],
      stuckActions: [{ title: "Add retries", team: "Payments", ageDays: 75, href: "/teams/payments/backlog", repeat: true }],
      hypothesesDue: [{ label: "HYP-2", service: "Basket Service", measureBy: new Date("2026-11-30T00:00:00Z"), href: "/services/basket-service/hypotheses/2" }],
    }, now);
    expect(needs.map((need) => need.kind)).toEqual(["SERVICE_BURNING", "REVIEW_OVERDUE", "REVIEW_TO_SCHEDULE", "BALANCE", "STUCK_ACTION", "HYPOTHESIS_DUE", "SERVICE_OFF_TARGET"]);
    expect(needs[4]).toMatchObject({ title: "Raised again: Add retries", detail: "Payments, open 75 days." });
    expect(needs[2]?.detail).toBe("Login errors (major: every major incident is reviewed).");
    expect(needs[5]?.title).toBe("HYP-2 on Basket Service is due a verdict");
  });
});
