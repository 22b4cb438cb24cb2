// The public API's catalog endpoint and the health check, with and without a session.
import { authFile, expect, fetchServices, test } from "../fixtures";

test("GET /api/health answers ok without a session", async ({ apiAs }) => {
  const request = await apiAs(null);
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: "ok" });
});

test.describe("GET /api/v1/services", () => {
  test.use({ storageState: authFile("engineer") });

  test("lists the catalog in its public shape for a signed-in person", async ({ page }) => {
    const services = await fetchServices(page.request);

    expect(services.length).toBeGreaterThanOrEqual(12);
    for (const service of services) {
      expect(Object.keys(service).sort()).toEqual(["availabilityTarget", "name", "slug", "team", "tier"]);
      expect(service.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(typeof service.name).toBe("string");
      expect(typeof service.team).toBe("string");
      expect([1, 2, 3, 4]).toContain(service.tier);
      expect([95, 99, 99.9, 99.99]).toContain(service.availabilityTarget);
    }
    expect(services.find((service) => service.slug === "checkout-api")).toEqual({
      slug: "checkout-api", name: "Checkout API", team: "checkout", tier: 1, availabilityTarget: 99.99,
    });
    expect(services.find((service) => service.slug === "ledger-core")).toMatchObject({ team: "ledger", availabilityTarget: 99.9 });
  });

  test("answers 401 with a JSON error without a session", async ({ apiAs }) => {
    const request = await apiAs(null);
    const response = await request.get("/api/v1/services");
    expect(response.status()).toBe(401);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });
});
