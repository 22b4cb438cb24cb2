// A change manager reviews the audit trail: filters it by service, checks the chain's recorded state,
// and downloads the filtered trail as CSV; the export API refuses everyone else.
import { readFile } from "node:fs/promises";
import { authFile, expect, test } from "../fixtures";

test.describe("audit review", () => {
  test.use({ storageState: authFile("change-manager") });

  test("a change manager filters by service, verifies the chain and downloads the CSV", async ({ page }) => {
    await page.goto("/audit");
    await page.getByLabel("Service", { exact: true }).selectOption("checkout-api");
    // The demo's history is dated as it happened: the service's creation a year ago, behind months of
    // newer events; the action filter finds it.
    await page.getByLabel("Action", { exact: true }).selectOption("service.create");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]service=checkout-api(&|$)/);
    // Rows say what happened; the raw action (service.create) is loaded when "Raw event" is opened.
    const created = page.getByRole("row").filter({ hasText: /created the service Checkout API for / });
    await expect(created).toHaveCount(1);
    await created.getByText("Raw event").click();
    await expect(created.getByText("service.create", { exact: true })).toBeVisible();
    await expect(created.getByText(/^[0-9a-f]{64}$/).first()).toBeVisible(); // its hash, one click away

    await page.getByRole("button", { name: "Verify new events" }).click();
    await expect(page.getByRole("status")).toHaveText(/^Chain intact: \d+ events verified\.$/);
    await expect(page.getByTestId("chain-status")).toContainText("Intact");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^runwell-audit-start-to-\d{4}-\d\d-\d\dT\d{6}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("seq,id,occurredAt,actorId,actorLabel,actorKind,action,entityType,entityId,before,after,prevHash,hash,sealedAt,sentence");
    expect(lines.length).toBeGreaterThan(1);
    expect(csv).toContain(",service.create,Service,");
    // Filtered like the page: nothing of another service's creation.
    expect(lines.filter((line) => line.includes(",service.create,"))).toHaveLength(1);
  });
});

test.describe("GET /api/v1/audit/export", () => {
  test("answers 401 without a session, 403 to an engineer and 400 with field errors for bad parameters", async ({ apiAs }) => {
    expect((await (await apiAs(null)).get("/api/v1/audit/export")).status()).toBe(401);
    const engineer = await (await apiAs("engineer")).get("/api/v1/audit/export?format=csv");
    expect(engineer.status()).toBe(403);
    const bad = await (await apiAs("change-manager")).get("/api/v1/audit/export?format=xls&from=soon");
    expect(bad.status()).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "BAD_REQUEST", fields: { format: expect.any(String), from: expect.any(String) } } });
  });

  test("streams JSON that parses, with the attachment header", async ({ apiAs }) => {
    const response = await (await apiAs("admin")).get("/api/v1/audit/export?format=json&service=checkout-api");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="runwell-audit-.*\.json"$/);
    const events = (await response.json()) as { entityType: string; action: string; hash: string; sentence: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => /^[0-9a-f]{64}$/.test(event.hash))).toBe(true);
    // Every row says what happened in words, as the audit page does.
    expect(events.find((event) => event.action === "service.create")?.sentence).toMatch(/ created the service Checkout API for /);
  });
});
