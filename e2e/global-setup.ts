// Runs once per `playwright test`, after the webServer answers /api/health: each demo role signs in
// through the real form and its cookies are saved to e2e/.auth/<role>.json for `authFile(role)`. It also
// starts the run's SMTP sink (e2e/mail-sink.ts) and returns its teardown.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, expect, type FullConfig } from "@playwright/test";
import { ACCOUNTS, authFile, ROLES, signInThroughForm, type Role } from "./fixtures";
import { startMailSink } from "./mail-sink";

async function saveSignedInState(browser: Awaited<ReturnType<typeof chromium.launch>>, baseURL: string, role: Role) {
  const context = await browser.newContext({ baseURL });
  try {
    const page = await context.newPage();
    await signInThroughForm(page, ACCOUNTS[role].email);
    await expect(page).toHaveURL("/", { timeout: 30_000 });
    const firstName = ACCOUNTS[role].name.split(" ")[0];
    await expect(page.getByRole("heading", { level: 1, name: `Hello, ${firstName}` })).toBeVisible({ timeout: 30_000 });
    await context.storageState({ path: authFile(role) });
  } catch (error) {
    throw new Error(`global-setup: signing in as ${role} failed`, { cause: error });
  } finally {
    await context.close();
  }
}

export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  // projects[].use holds the top-level `use` merged with the project's own.
  const { baseURL, launchOptions } = config.projects[0]!.use;
  if (!baseURL) throw new Error("global-setup: the Playwright config sets no baseURL");
  mkdirSync(path.dirname(authFile("engineer")), { recursive: true });
  // The portal's emails (SMTP_URL in playwright.config.ts) land in the run's data directory until the run ends.
  const stopMailSink = await startMailSink(Number(process.env.E2E_SMTP_PORT));
  const browser = await chromium.launch(launchOptions);
  try {
    await Promise.all(ROLES.map((role) => saveSignedInState(browser, baseURL, role)));
  } catch (error) {
    await stopMailSink();
    throw error;
  } finally {
    await browser.close();
  }
  return stopMailSink;
}
