// The load and pay report against the real database: rates are admin-only and audited, and the report
// counts final shifts and charges the owning team per covered service.
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { createPerson, createService, createTeam } from "../../prisma/seed/factories";
import { createOnCallSchedule } from "../../prisma/seed/oncall-factories";
import { personActor, testDb } from "../../test/helpers";
import { loadCsv } from "./load-report";
import { loadReport } from "./report-view";
import { setPayPolicy } from "./set-pay-policy";

const db = testDb;
let team: { id: string };
let people: { id: string; name: string }[];
let service: { slug: string };

beforeAll(async () => {
  team = await createTeam(db());
  people = [await createPerson(db()), await createPerson(db()), await createPerson(db())];
  service = await createService(db(), { teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000 });
  await createOnCallSchedule(db(), { teamId: team.id, participantIds: people.map((p) => p.id), effectiveFrom: DateTime.fromISO("2025-02-03T09:00", { zone: "Europe/London" }).toJSDate() });
});

describe("pay rates and the monthly report", () => {
  it("only admins set rates, and the change is audited", async () => {
    const input = { teamId: team.id, model: "STANDBY_ONLY" as const, standbyRate: 300, weekendHolidayRate: 450, calloutRate: 0 };
    await expect(setPayPolicy(db(), personActor({ teamIds: [team.id] }), input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setPayPolicy(db(), personActor({ role: "ADMIN" }), { ...input, standbyRate: "3 pounds" })).rejects.toMatchObject({ code: "VALIDATION" });
    await setPayPolicy(db(), personActor({ role: "ADMIN" }), input);
    expect(await db().auditEvent.count({ where: { entityId: team.id, action: "oncall-pay-policy.set" } })).toBe(1);
  });

  it("reports February 2025 per person and charges the team's 99.9% service", async () => {
    const report = await loadReport(db(), "2025-02");
    const mine = report.rows.filter((row) => people.some((p) => p.id === row.personId));
    expect(mine).toHaveLength(3);
    // Rotation from Monday 3 February: the first person holds weeks 1 and 4 (3–10 Feb, and 24 Feb–3 Mar
    // cut at the month's end, so only the first week's weekend counts).
    const first = mine.find((row) => row.personId === people[0]!.id)!;
    expect(first.shifts).toBe(2);
    expect(first.weekend).toBe(48);
    // All pay is in the organisation's one currency (lib/settings/), whichever it is in this run.
    expect(Object.keys(first.pay)).toEqual([report.unit.code]);
    expect(first.pay[report.unit.code]).toBe(Math.round(first.outOfHours * 300 + (first.weekend + first.holiday) * 450));
    const charged = report.charges.filter((entry) => entry.teamId === team.id);
    expect(charged.map((entry) => entry.serviceSlug)).toEqual([service.slug]);
    expect(charged[0]!.amount).toBe(mine.reduce((sum, row) => sum + (row.pay[report.unit.code] ?? 0), 0));
    expect(loadCsv(mine).split("\r\n")[0]).toContain("out_of_hours_h");
  });
});
