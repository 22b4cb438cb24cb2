import { describe, expect, it } from "vitest";
import type { ServiceMetrics } from "@/lib/deployments/metrics";
import { byAttention } from "./service-metrics-table";

const row = (name: string, meetsTarget: boolean | null, band: "ELITE" | "HIGH" | "MEDIUM" | "LOW" | null) =>
  ({ service: { slug: name, name, team: { slug: "t", name: "T" } }, deploymentTarget: "WEEKLY", metrics: { meetsTarget, band } }) as unknown as ServiceMetrics;

describe("the organisation's service table order", () => {
  it("puts missed targets first, then the weakest band, then names", () => {
    const rows = [row("a-elite-met", true, "ELITE"), row("b-low-met", true, "LOW"), row("c-high-missed", false, "HIGH"), row("d-low-missed", false, "LOW"), row("e-none", false, null)];
    expect([...rows].sort(byAttention).map((r) => r.service.name)).toEqual(["e-none", "d-low-missed", "c-high-missed", "b-low-met", "a-elite-met"]);
  });
});
