// A team member makes a token in the portal, the "pipeline" reports with it, and the change manager is told.
// Also the authorisation regressions: a token of service A cannot report for service B; no token is 401.
import { authFile, expect, test } from "../fixtures";

test.use({ storageState: authFile("engineer") });

test("token made in the UI reports a deployment and health check; change manager is notified; other services are refused", async ({ page, apiAs, pageAs }) => {
  await page.goto("/services/basket-service");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  const tokenName = `E2E pipeline ${Date.now()}`;
  await page.getByLabel(/^Name/).fill(tokenName);
  await page.getByLabel("deployments:write").check();
  await page.getByLabel("health:write").check();
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("status")).toContainText("it will not be shown again");
  const secret = await page.getByLabel("New API token").inputValue();
  expect(secret).toMatch(/^rw_/);
  await expect(page.getByRole("rowheader", { name: new RegExp(tokenName) })).toBeVisible();

  const api = await apiAs(null);
  const headers = { Authorization: `Bearer ${secret}` };
  const runId = `e2e-${Date.now()}`;
  const body = {
    service: "basket-service", environment: "production", version: `e2e-${runId}`, externalId: runId, status: "started",
    startedAt: new Date(Date.now() - 5 * 60_000).toISOString(), deployer: "E2E pipeline",
    commits: [{ sha: "e2e0c0ffee", committedAt: new Date(Date.now() - 3_600_000).toISOString(), message: "E2E change" }],
  };
  const created = await api.post("/api/v1/deployments", { headers, data: body });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const replay = await api.post("/api/v1/deployments", { headers, data: body });
  expect(replay.status()).toBe(200);
  expect(((await replay.json()) as { id: string }).id).toBe(id);
  const done = await api.post("/api/v1/deployments", { headers, data: { ...body, status: "succeeded", finishedAt: new Date().toISOString() } });
  expect(done.status()).toBe(200);
  const backwards = await api.post("/api/v1/deployments", { headers, data: body });
  expect(backwards.status()).toBe(409);
  const check = await api.post(`/api/v1/deployments/${id}/health-checks`, { headers, data: { name: "E2E smoke", status: "pass" } });
  expect(check.status()).toBe(201);

  // Another service's deployment with this token, and no token at all.
  const other = await api.post("/api/v1/deployments", { headers, data: { ...body, service: "ledger-core", externalId: `${runId}-x` } });
  expect(other.status()).toBe(403);
  expect(await other.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
  const anonymous = await api.post("/api/v1/deployments", { data: body });
  expect(anonymous.status()).toBe(401);
  const invalid = await api.post("/api/v1/deployments", { headers, data: { ...body, status: "done", externalId: `${runId}-bad` } });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({ error: { code: "VALIDATION", fields: { status: expect.any(String) } } });

  await page.goto(`/deployments/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Basket Service e2e-${runId} to Production`);
  await expect(page.getByRole("list", { name: "Health checks" })).toContainText("E2E smoke");
  await expect(page.getByText("E2E pipeline", { exact: true })).toBeVisible();

  const changeManager = await pageAs("change-manager");
  // Notices are delivered by the job runner just after the report commits: look until they are there.
  await expect(async () => {
    await changeManager.goto("/notifications");
    await expect(changeManager.getByRole("link", { name: `basket-service e2e-${runId} to production: succeeded` })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(changeManager.getByRole("link", { name: `basket-service e2e-${runId} to production: started` })).toBeVisible();

  // Revoking stops the token at once.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.goto("/services/basket-service/tokens");
  await page.getByRole("button", { name: `Revoke ${tokenName}` }).click();
  await expect(page.getByRole("row").filter({ hasText: tokenName })).toContainText("Revoked");
  const revoked = await api.get("/api/v1/deployments", { headers });
  expect(revoked.status()).toBe(401);
});

test("the OpenAPI document and the API docs page", async ({ page, apiAs }) => {
  const api = await apiAs(null);
  const response = await api.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ openapi: "3.1.0", paths: { "/api/v1/deployments": expect.any(Object) } });
  await page.goto("/deployments/api");
  await expect(page.getByRole("region", { name: /POST\s*\/api\/v1\/deployments$/ })).toContainText("commits[].sha");
});
