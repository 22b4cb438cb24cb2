import { describe, expect, it } from "vitest";
import { actionFlags } from "./action-flags";

const NOW = new Date("2026-12-04T12:00:00Z");
const d = (iso: string) => new Date(iso);

describe("an improvement action's flags", () => {
  it.each([
    { name: "open, not due yet", facts: { status: "TODO", createdAt: d("2026-11-20T12:00:00Z"), dueAt: d("2026-12-10T00:00:00Z"), doneAt: null, publishedAt: d("2026-11-20T12:00:00Z") }, want: { ageDays: 14, leadTimeDays: null, overdue: false, stuck: false } },
    { name: "open past its due date", facts: { status: "DOING", createdAt: d("2026-11-01T12:00:00Z"), dueAt: d("2026-12-01T00:00:00Z"), doneAt: null, publishedAt: null }, want: { ageDays: 33, leadTimeDays: null, overdue: true, stuck: false } },
    { name: "open for more than 60 days: stuck", facts: { status: "TODO", createdAt: d("2026-10-04T11:59:00Z"), dueAt: null, doneAt: null, publishedAt: null }, want: { ageDays: 61, leadTimeDays: null, overdue: false, stuck: true } },
    { name: "open exactly 60 days: not yet stuck", facts: { status: "TODO", createdAt: d("2026-10-05T12:00:00Z"), dueAt: null, doneAt: null, publishedAt: null }, want: { ageDays: 60, leadTimeDays: null, overdue: false, stuck: false } },
    { name: "done late: neither overdue nor stuck; lead time from the review's publication", facts: { status: "DONE", createdAt: d("2026-09-01T12:00:00Z"), dueAt: d("2026-09-15T00:00:00Z"), doneAt: d("2026-11-30T00:00:00Z"), publishedAt: d("2026-09-01T00:00:00Z") }, want: { ageDays: 89, leadTimeDays: 90, overdue: false, stuck: false } },
  ] as const)("$name", ({ facts, want }) => {
    expect(actionFlags(facts, NOW)).toEqual(want);
  });
});
