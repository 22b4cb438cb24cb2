// Every form schema of the portal whose text reaches the database, walked field by field: a NUL or a
// lone surrogate put into any posted value is a field error at that field (the form shows it next to
// the input), never a value that reaches PostgreSQL ("Something went wrong"). Dates far outside the
// accepted range are field errors too.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { serviceInputSchema } from "../catalog/schemas";
import { moneyUnit } from "../money/currency";
import { ZOrganisationSettingsInput } from "../settings/schemas";
import { ZCabSettings, ZComment, ZCreateChange, ZDecision, ZFreeze, ZPattern, ZRequiredCheck, ZReview } from "../changes/schemas";
import {
  ZArchiveScheduleInput, ZAssignOverrideInput, ZCoverRequestInput, ZHolidayCalendarInput, ZHolidayImportInput, ZHolidayInput, ZLeaveInput,
  ZPayPolicyInput, ZRotationInput, ZScheduleInput, ZScheduleSettingsInput, ZSwapRequestInput,
} from "../oncall/schemas";
import { ZAddPerson, ZSetPersonRole, ZUpdatePerson } from "../people/schemas";
import { ZRestoreRevision, ZRunbookContent, ZRunbookTemplateInput, ZUpdateRunbook } from "../runbooks/schemas";
import { ZMembershipInput, ZTeamInput } from "../teams/schemas";
import { ZCreateApiToken } from "../tokens/schemas";
import { unstorableTextReason } from "./text";

type Sample = Record<string, unknown>;
/** A schema, a form it accepts (as formDataToObject builds it: strings), and its date fields. */
type Case = [name: string, schema: z.ZodType, sample: Sample, dateFields?: string[]];

const rota = { rotationDays: "7", handoffWeekday: "1", handoffTime: "09:00", participantIds: ["p1", "p2", "p3"], secondaryIds: ["p4"], effectiveFrom: "2026-12-01T09:00" };
const hours = { timeZone: "Europe/London", workdayStart: "09:00", workdayEnd: "17:00", workingDays: ["1", "2", "3", "4", "5"], holidayCalendarId: "hol1", hasSecondary: "on" };
const window = { startsAt: "2026-12-01T18:00", endsAt: "2026-12-02T08:00" };

const CASES: Case[] = [
  ["service", serviceInputSchema(moneyUnit("GBP")), {
    name: "Checkout API", slug: "checkout-api", description: "Takes payments", teamId: "team1", lifecycle: "PRODUCTION", tier: "TIER_2", maxLossPerHour: "1000",
    availabilityTarget: "P99_9", targetJustification: "Card payments", deploymentTarget: "WEEKLY", repositoryUrl: "https://github.test/org/checkout",
    links: [{ kind: "DASHBOARD", label: "Grafana", url: "https://grafana.test/d/1" }],
  }],
  ["team", ZTeamInput, { name: "Checkout", slug: "checkout", description: "Payments", domainId: "dom1", chatChannel: "#checkout" }],
  ["team membership", ZMembershipInput, { personId: "p1", isLead: "on" }],
  ["new person", ZAddPerson, { email: "amara@example.test", name: "Amara Okafor", role: "ENGINEER" }],
  ["person", ZUpdatePerson, { name: "Amara Okafor", role: "ADMIN", isIncidentManager: "on" }],
  ["person's role", ZSetPersonRole, { email: "amara@example.test", role: "CHANGE_MANAGER" }],
  ["runbook", ZRunbookContent, { title: "Database failover", body: "# Steps", tags: "database, failover", alertNames: "DbPrimaryDown", reviewIntervalDays: "90", ownerId: "p1", summary: "First version" }],
  ["runbook edit", ZUpdateRunbook, { title: "Database failover", body: "# Steps", tags: "database", alertNames: "DbPrimaryDown", reviewIntervalDays: "90", ownerId: "", summary: "Clearer", baseRevision: "3" }],
  ["runbook restore", ZRestoreRevision, { number: "2", baseRevision: "3" }],
  ["runbook template", ZRunbookTemplateInput, { name: "Alert response", slug: "alert-response", description: "For alerts", body: "# {{service}}", tags: "alerts", isStarter: "on" }],
  ["change", ZCreateChange, {
    type: "NORMAL", service: "checkout-api", environment: "production", version: "1.2.3", summary: "Ship basket limits", description: "Limits",
    implementationPlan: "Deploy", rollbackPlan: "Revert", plannedStart: "2026-12-01T10:00", plannedEnd: "2026-12-01T11:00", commits: "abc1234 def5678", submit: "on",
  }, ["plannedStart", "plannedEnd"]],
  ["CAB decision", ZDecision, { decision: "APPROVE", reason: "Looks safe" }],
  ["change comment", ZComment, { body: "Rollback tested" }],
  ["emergency review", ZReview, { notes: "Went well; we learned to page earlier." }],
  ["pattern", ZPattern, {
    name: "Routine web deploys", slug: "routine-web", description: "Low risk", serviceIds: ["s1"], teamIds: "t1", environmentIds: ["e1"], tiers: ["TIER_3"],
    rules: [{ kind: "track-record", count: "5", days: "30" }, { kind: "tier", tiers: ["TIER_3"] }],
  }],
  ["freeze", ZFreeze, { name: "Black Friday", reason: "Peak sales", scope: "TEAM", target: "checkout", startsAt: "2026-11-27T00:00", endsAt: "2026-11-30T00:00" }, ["startsAt", "endsAt"]],
  ["required check", ZRequiredCheck, { service: "checkout-api", pattern: "", name: "smoke", deadlineMinutes: "30" }],
  ["CAB settings", ZCabSettings, { quorum: "2", emergencyReviewHours: "72", meetingWeekday: "2", meetingTime: "10:00" }],
  ["schedule", ZScheduleInput, { name: "Checkout out of hours", slug: "checkout-ooh", kind: "TEAM", ownerId: "t1", ...hours, ...rota }, ["effectiveFrom"]],
  ["schedule settings", ZScheduleSettingsInput, { name: "Checkout out of hours", ...hours, rotationDays: "7", handoffWeekday: "1", handoffTime: "09:00", effectiveFrom: "2026-12-01T09:00" }, ["effectiveFrom"]],
  ["rotation", ZRotationInput, rota, ["effectiveFrom"]],
  ["schedule archive", ZArchiveScheduleInput, { confirmUncovered: "on" }],
  ["cover request", ZCoverRequestInput, { scheduleId: "sch1", responderId: "p2", ...window, message: "Can you cover?" }, ["startsAt", "endsAt"]],
  ["swap request", ZSwapRequestInput, {
    scheduleId: "sch1", responderId: "p2", ...window, swapStartsAt: "2026-12-08T18:00", swapEndsAt: "2026-12-09T08:00", message: "Swap?",
  }, ["startsAt", "endsAt", "swapStartsAt", "swapEndsAt"]],
  ["override", ZAssignOverrideInput, { scheduleId: "sch1", personId: "p2", layer: "PRIMARY", ...window }, ["startsAt", "endsAt"]],
  ["leave", ZLeaveInput, { personId: "p1", startsAt: "2026-12-01T00:00", endsAt: "2026-12-05T00:00", timeZone: "Europe/London", note: "Holiday" }, ["startsAt", "endsAt"]],
  ["pay policy", ZPayPolicyInput, { teamId: "t1", model: "STANDBY_ONLY", standbyRate: "2500", weekendHolidayRate: "3500", calloutRate: "0" }],
  ["holiday calendar", ZHolidayCalendarInput, { name: "England and Wales", slug: "england-and-wales" }],
  ["holiday", ZHolidayInput, { date: "2026-12-25", name: "Christmas Day" }, ["date"]],
  ["holiday import", ZHolidayImportInput, { ics: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n" }],
  ["API token", ZCreateApiToken, { service: "checkout-api", name: "ci", scopes: ["gate:read"], expiresInDays: "30" }],
  ["organisation settings", ZOrganisationSettingsInput, { currency: "EUR" }],
];

/** Every string in the sample with its field path, e.g. links.0.url. */
function stringLeaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [path];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringLeaves(item, [...path, index]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => stringLeaves(item, [...path, key]));
  return [];
}

function withLeaf(sample: Sample, path: (string | number)[], change: (value: string) => string): Sample {
  const copy = structuredClone(sample);
  let node = copy as Record<string | number, unknown>;
  path.slice(0, -1).forEach((key) => (node = node[key] as Record<string | number, unknown>));
  node[path.at(-1)!] = change(node[path.at(-1)!] as string);
  return copy;
}

/** A string anywhere in the parsed value that PostgreSQL or JSONB would refuse. */
function unstorableOutput(value: unknown): string | null {
  if (typeof value === "string") return unstorableTextReason(value);
  if (Array.isArray(value)) return value.map(unstorableOutput).find(Boolean) ?? null;
  if (value && typeof value === "object") return Object.values(value).map(unstorableOutput).find(Boolean) ?? null;
  return null;
}

const issuePaths = (result: z.ZodSafeParseResult<unknown>) => (result.success ? [] : result.error.issues.map((issue) => issue.path.join(".")));

describe.each(CASES)("the %s form", (_, schema, sample, dateFields = []) => {
  it("accepts its sample (so the cases below test one field at a time)", () => {
    const result = schema.safeParse(sample);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  const leaves = stringLeaves(sample);
  it.each(leaves.flatMap((path) => [["a NUL", path, "\u0000"], ["a lone surrogate", path, "\ud83d"]] as const))("%s in %j is a field error there, or never reaches the output", (_, path, bad) => {
    const result = schema.safeParse(withLeaf(sample, path, (value) => `${value.slice(0, 1)}${bad}${value.slice(1)}`));
    if (result.success) expect(unstorableOutput(result.data)).toBeNull();
    // At the field itself, or at the list it is an item of (the form shows it next to that list).
    else expect(issuePaths(result).some((issue) => issue !== "" && `${path.join(".")}.`.startsWith(`${issue}.`))).toBe(true);
  });

  it.each(dateFields.flatMap((field) => ["0000-01-01T00:00", "10000-01-01T00:00", "1969-12-31T00:00"].map((date) => [field, date] as const)))(
    "%s = %s is a field error there",
    (field, date) => {
      const value = field === "date" ? date.slice(0, date.indexOf("T")) : date;
      expect(issuePaths(schema.safeParse({ ...sample, [field]: value }))).toContain(field);
    },
  );
});
