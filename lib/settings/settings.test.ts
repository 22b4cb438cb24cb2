// The organisation's currency against the real database: admins only, audited, and every money
// figure follows it: the exposure a service form accepts and the pay report's currency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createExposureBands, createTeam } from "../../prisma/seed/factories";
import { personActor, testDb } from "../../test/helpers";
import { createService } from "../catalog/create-service";
import { loadReport } from "../oncall/report-view";
import { organisationSettings } from "./queries";
import { setOrganisationSettings } from "./set-organisation-settings";

const db = testDb;
const admin = personActor({ role: "ADMIN" });
let original: string;
let team: { id: string };

beforeAll(async () => {
  await createExposureBands(db());
  team = await createTeam(db());
  original = (await organisationSettings(db())).currency;
});

// Other files read the currency in parallel; they do not depend on which it is, but leave it as found.
afterAll(async () => {
  await setOrganisationSettings(db(), admin, { currency: original });
});

const service = (maxLossPerHour: string) => ({
  name: `Ledger ${Math.random().toString(36).slice(2, 8)}`, slug: `ledger-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
  teamId: team.id, lifecycle: "PRODUCTION", tier: "TIER_2", maxLossPerHour, availabilityTarget: "P99_99", targetJustification: "Settlement",
  deploymentTarget: "WEEKLY",
});

describe("the organisation's currency", () => {
  it("is set by admins only, refuses what is not an ISO 4217 code, and is audited", async () => {
    await expect(setOrganisationSettings(db(), personActor({ role: "PRODUCT_MANAGER" }), { currency: "EUR" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(setOrganisationSettings(db(), admin, { currency: "Euro" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { currency: [expect.stringMatching(/ISO 4217/)] } });
    await expect(setOrganisationSettings(db(), admin, { currency: "XYZ" })).rejects.toMatchObject({ code: "VALIDATION" });
    const eventsBefore = await db().auditEvent.count({ where: { entityType: "OrganisationSettings" } });
    await setOrganisationSettings(db(), admin, { currency: "eur" });
    expect(await organisationSettings(db())).toEqual({ currency: "EUR", chosen: true });
    const [event] = await db().auditEvent.findMany({ where: { entityType: "OrganisationSettings" }, orderBy: { occurredAt: "desc" }, take: 1 });
    expect(event).toMatchObject({ action: "organisation.settings", actorId: admin.id, after: { currency: "EUR" } });
    // Saving it again changes nothing and records nothing.
    await setOrganisationSettings(db(), admin, { currency: "EUR" });
    expect(await db().auditEvent.count({ where: { entityType: "OrganisationSettings" } })).toBe(eventsBefore + 1);
  });

  it("is the currency exposures are typed in and pay is reported in", async () => {
    await setOrganisationSettings(db(), admin, { currency: "EUR" });
    await expect(createService(db(), admin, service("£2m"))).rejects.toMatchObject({ fieldErrors: { maxLossPerHour: ["Amounts are in EUR (€), the organisation's currency."] } });
    const created = await createService(db(), admin, service("€2m"));
    expect((await db().service.findUniqueOrThrow({ where: { id: created.id } })).maxLossPerHour).toBe(2_000_000);
    expect((await loadReport(db(), "2025-02")).unit.code).toBe("EUR");

    await setOrganisationSettings(db(), admin, { currency: "GBP" });
    await expect(createService(db(), admin, service("€2m"))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(createService(db(), admin, service("£2,000,000"))).resolves.toHaveProperty("id");
    expect((await loadReport(db(), "2025-02")).unit).toMatchObject({ code: "GBP", symbol: "£" });
  });
});
