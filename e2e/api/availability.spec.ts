// GET /api/v1/services/{slug}/availability through the built app's real HTTP API: a service's own token
// and a session read it; days outside 1..90 get a field-level 422; the figures follow the incidents.
import { spawnSync } from "node:child_process";
import { createService } from "../../prisma/seed/factories";
import { createIncident } from "../../prisma/seed/incident-factories";
import { withDatabase } from "../database";
import { authFile, expect, test, uniqueServiceName, slugFor } from "../fixtures";

const databaseEnv = { DATABASE_URL: "", RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR, RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500" };
const MINUTE = 60_000;

test.describe("GET /api/v1/services/{slug}/availability", () => {
  test.use({ storageState: authFile("engineer") });

  test("answers availability, budget, burn rates, time to restore and incidents, and refuses a bad days with a field error", async ({ page, apiAs }) => {
    const name = uniqueServiceName("Availability API");
    const slug = slugFor(name);
    const now = Date.now();
    const incident = await withDatabase(async (prisma) => {
      const team = await prisma.team.findUniqueOrThrow({ where: { slug: "checkout" }, select: { id: true } });
      const service = await createService(prisma, { name, slug, teamId: team.id, availabilityTarget: "P99_9", maxLossPerHour: 20_000, tier: "TIER_4" });
      // 30 minutes down, restored 90 minutes ago: no burn over the last hour.
      return createIncident(prisma, { services: [service], lostAt: new Date(now - 120 * MINUTE), regainedAt: new Date(now - 90 * MINUTE), title: "Card payments failing" });
    });

    const response = await page.request.get(`/api/v1/services/${slug}/availability?days=28`);
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(["availability", "budgetLeftMinutes", "budgetMinutes", "budgetUsedMinutes", "burnRates", "days", "incidents", "service", "target", "timeToRestoreMinutes"]);
    // 99.9% over 28 days tolerates 40.32 min; 30 used; 6 h burn 30 / 360 / 0.001 = 83.33.
    expect(body).toMatchObject({
      service: slug, target: 99.9, days: 28, availability: 99.9256, budgetMinutes: 40.32, budgetUsedMinutes: 30, budgetLeftMinutes: 10.32,
      burnRates: { "1h": 0, "6h": 83.33, "3d": 6.94 }, timeToRestoreMinutes: { p50: 30, max: 30 },
    });
    expect(body.incidents).toEqual([expect.objectContaining({ id: incident.id, number: `INC-${incident.number}`, minutesInPeriod: 30, url: expect.stringMatching(new RegExp(`/incidents/${incident.id}$`)) })]);

    for (const days of ["0", "91", "abc"]) {
      const bad = await page.request.get(`/api/v1/services/${slug}/availability?days=${days}`);
      expect(bad.status()).toBe(422);
      expect(await bad.json()).toMatchObject({ error: { code: "VALIDATION", fields: { days: expect.stringMatching(/1 to 90/) } } });
    }

    // The service's own token with incidents:read reads it; without a session or token: 401.
    const made = spawnSync("npm", ["run", "-s", "cli", "--", "token", "create", "--service", slug, "--scopes", "incidents:read", "--name", "availability e2e"], {
      encoding: "utf8", env: { ...process.env, ...databaseEnv },
    });
    expect(made.status, made.stderr).toBe(0);
    const anonymous = await apiAs(null);
    const withToken = await anonymous.get(`/api/v1/services/${slug}/availability?days=90`, { headers: { authorization: `Bearer ${made.stdout.trim()}` } });
    expect(withToken.status()).toBe(200);
    expect(await withToken.json()).toMatchObject({ days: 90, budgetUsedMinutes: 30 });
    expect((await anonymous.get(`/api/v1/services/${slug}/availability`)).status()).toBe(401);
  });
});
