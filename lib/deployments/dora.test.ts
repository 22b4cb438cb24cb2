// DORA calculations against examples worked by hand (the arithmetic is in the comments).
import { describe, expect, it } from "vitest";
import { doraBand, doraMetrics, incidentRestores, leadTimeMs, percentile, timesToRestore, weekStart, weeklyTrend, type DoraDeployment } from "./dora";

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string) => new Date(iso);
const dep = (status: DoraDeployment["status"], finished: string, firstCommit: string | null = null, extra: Partial<DoraDeployment> = {}): DoraDeployment => ({
  status,
  startedAt: new Date(at(finished).getTime() - 10 * 60_000),
  finishedAt: at(finished),
  firstCommitAt: firstCommit ? at(firstCommit) : null,
  ...extra,
});

// Two weeks: Monday 2 Nov 2026 to Monday 16 Nov 2026.
const period = { from: at("2026-11-02T00:00:00Z"), to: at("2026-11-16T00:00:00Z") };

describe("percentile (percentile_cont)", () => {
  it.each([
    [[], 0.5, null],
    [[5], 0.9, 5],
    [[1, 3], 0.5, 2], // halfway between 1 and 3
    [[4, 1, 3, 2], 0.5, 2.5], // sorted 1,2,3,4: rank 1.5 → 2.5
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9, 91], // rank 8.1 → 90 + 0.1 × 10
  ] as const)("%j at %d is %s", (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });
});

describe("lead time", () => {
  it("runs from the earliest commit to the production success, and only for deployments that went live", () => {
    expect(leadTimeMs(dep("SUCCEEDED", "2026-11-03T12:00:00Z", "2026-11-02T12:00:00Z"))).toBe(D);
    expect(leadTimeMs(dep("ROLLED_BACK", "2026-11-03T12:00:00Z", "2026-11-03T06:00:00Z"))).toBe(6 * H);
    expect(leadTimeMs(dep("FAILED", "2026-11-03T12:00:00Z", "2026-11-02T12:00:00Z"))).toBeNull();
    expect(leadTimeMs(dep("SUCCEEDED", "2026-11-03T12:00:00Z", null))).toBeNull();
  });
});

describe("doraMetrics", () => {
  // Six production deployments over the two weeks:
  //   d1 Tue 3rd   succeeded, first commit 2 h before  → lead 2 h
  //   d2 Wed 4th   failed                               → failure, no lead time
  //   d3 Wed 4th   succeeded 3 h after d2, lead 10 h    → restores d2 after 3 h
  //   d4 Mon 9th   succeeded, lead 26 h, later rolled back (status ROLLED_BACK) → live, failure
  //   d5 Mon 9th   succeeded 30 min after d4 (the rollback), lead 50 h → restores after 30 min
  //   d6 Fri 13th  started, still running               → not finished: not counted anywhere
  // plus d0 on 30 Oct, outside the period.
  const deployments = [
    dep("SUCCEEDED", "2026-10-30T10:00:00Z", "2026-10-30T09:00:00Z"),
    dep("SUCCEEDED", "2026-11-03T10:00:00Z", "2026-11-03T08:00:00Z"),
    dep("FAILED", "2026-11-04T09:00:00Z"),
    dep("SUCCEEDED", "2026-11-04T12:00:00Z", "2026-11-04T02:00:00Z"),
    dep("ROLLED_BACK", "2026-11-09T10:00:00Z", "2026-11-08T08:00:00Z"),
    dep("SUCCEEDED", "2026-11-09T10:30:00Z", "2026-11-07T08:30:00Z"),
    { status: "STARTED", startedAt: at("2026-11-13T10:00:00Z"), finishedAt: null, firstCommitAt: null } satisfies DoraDeployment,
  ];

  it("computes the four keys", () => {
    const metrics = doraMetrics(deployments, period, "WEEKLY");
    // Live: d1, d3, d4, d5 = 4 over 2 weeks = 2 per week, meeting a weekly target.
    expect(metrics.deployments).toBe(4);
    expect(metrics.perWeek).toBe(2);
    expect(metrics.meetsTarget).toBe(true);
    // Lead times 2 h, 10 h, 26 h, 50 h: median (10 + 26) / 2 = 18 h; p90 rank 2.7 → 26 + 0.7 × 24 = 42.8 h.
    expect(metrics.leadTimeMedianMs).toBe(18 * H);
    expect(metrics.leadTimeP90Ms).toBeCloseTo(42.8 * H, 0);
    // Finished: d1..d5 = 5; failures d2, d4 = 2 → 40%.
    expect(metrics.changeFailureRate).toBe(0.4);
    expect(metrics.failures).toBe(2);
    // Restores: 3 h and 30 min → median 1 h 45 min.
    expect(metrics.timeToRestoreMedianMs).toBe(1.75 * H);
    expect(metrics.unrestored).toBe(0);
    // Bands: frequency 2/week HIGH, lead 18 h ELITE, CFR 40% LOW, restore 1.75 h HIGH → weakest LOW.
    expect(metrics.band).toBe("LOW");
  });

  it("counts a deployment linked to an incident as a failure, and misses a daily target at 2 a week", () => {
    const linked = deployments.map((d, i) => (i === 1 ? { ...d, causedIncident: true } : d));
    const metrics = doraMetrics(linked, period, "DAILY");
    expect(metrics.changeFailureRate).toBe(0.6); // d1, d2, d4 of 5
    expect(metrics.meetsTarget).toBe(false);
  });

  it("has no band and no rates without deployments", () => {
    const metrics = doraMetrics([], period, "MONTHLY");
    expect(metrics).toMatchObject({ deployments: 0, perWeek: 0, meetsTarget: false, changeFailureRate: null, leadTimeMedianMs: null, band: null });
  });
});

describe("time to restore from incidents", () => {
  const window = (lost: string, regained: string | null) => ({ lostAt: at(lost), regainedAt: regained ? at(regained) : null });

  it("takes the impact windows restored in the period, and counts those lost in it and still open as unrestored", () => {
    const result = incidentRestores([
      window("2026-11-03T10:00:00Z", "2026-11-03T10:45:00Z"), // 45 min
      window("2026-11-01T23:00:00Z", "2026-11-02T01:00:00Z"), // lost before the period, restored in it: 2 h
      window("2026-11-10T08:00:00Z", null), // open: unrestored
      window("2026-10-20T08:00:00Z", null), // open, but lost before the period: not this period's
      window("2026-10-20T08:00:00Z", "2026-10-20T09:00:00Z"), // restored before the period
    ], period);
    expect(result).toEqual({ durations: [45 * 60_000, 2 * H], unrestored: 1 });
    expect(incidentRestores([window("2026-10-20T08:00:00Z", "2026-10-20T09:00:00Z")], period)).toBeNull();
  });

  it("replaces the deployments' time to restore when the period has incidents", () => {
    const deployments = [dep("FAILED", "2026-11-04T09:00:00Z"), dep("SUCCEEDED", "2026-11-04T12:00:00Z", "2026-11-04T02:00:00Z")];
    // From deployments: failed 09:00, healthy 12:00 → 3 h.
    expect(doraMetrics(deployments, period).timeToRestoreMedianMs).toBe(3 * H);
    // From incidents: windows of 20 and 40 min → median 30 min (ELITE for this key).
    const incidents = [window("2026-11-04T08:50:00Z", "2026-11-04T09:10:00Z"), window("2026-11-05T08:00:00Z", "2026-11-05T08:40:00Z")];
    expect(doraMetrics(deployments, period, null, incidents)).toMatchObject({ timeToRestoreMedianMs: 30 * 60_000, unrestored: 0 });
  });
});

describe("timesToRestore", () => {
  it("measures a run of failures from its first failure, and counts an open run as unrestored", () => {
    const result = timesToRestore([
      dep("FAILED", "2026-11-03T10:00:00Z"),
      dep("FAILED", "2026-11-03T11:00:00Z"),
      dep("SUCCEEDED", "2026-11-03T14:00:00Z"), // 4 h after the first failure
      dep("ROLLED_BACK", "2026-11-05T10:00:00Z"), // no healthy deployment after it
    ]);
    expect(result).toEqual({ durations: [4 * H], unrestored: 1 });
  });
});

describe("doraBand", () => {
  it.each([
    [{ deployments: 40, perWeek: 10, leadTimeMedianMs: 3 * H, changeFailureRate: 0.02, timeToRestoreMedianMs: 0.5 * H }, "ELITE"],
    [{ deployments: 8, perWeek: 2, leadTimeMedianMs: 3 * D, changeFailureRate: 0.1, timeToRestoreMedianMs: 5 * H }, "HIGH"],
    [{ deployments: 2, perWeek: 0.5, leadTimeMedianMs: 3 * D, changeFailureRate: 0.1, timeToRestoreMedianMs: null }, "MEDIUM"],
    [{ deployments: 1, perWeek: 0.1, leadTimeMedianMs: null, changeFailureRate: 0, timeToRestoreMedianMs: null }, "LOW"],
    [{ deployments: 40, perWeek: 10, leadTimeMedianMs: 40 * D, changeFailureRate: 0, timeToRestoreMedianMs: null }, "LOW"],
  ] as const)("%j → %s", (metrics, band) => {
    expect(doraBand(metrics)).toBe(band);
  });
});

describe("weekly trend", () => {
  it("starts weeks on Monday (UTC) and includes empty weeks", () => {
    expect(weekStart(at("2026-11-08T23:59:00Z")).toISOString()).toBe("2026-11-02T00:00:00.000Z"); // Sunday → previous Monday
    expect(weekStart(at("2026-11-09T00:00:00Z")).toISOString()).toBe("2026-11-09T00:00:00.000Z");
    const trend = weeklyTrend([dep("SUCCEEDED", "2026-11-03T10:00:00Z", "2026-11-03T08:00:00Z"), dep("FAILED", "2026-11-04T10:00:00Z")], period);
    expect(trend).toEqual([
      { week: "2026-11-02", deployments: 1, failures: 1, leadTimeMedianHours: 2 },
      { week: "2026-11-09", deployments: 0, failures: 0, leadTimeMedianHours: null },
    ]);
  });
});
