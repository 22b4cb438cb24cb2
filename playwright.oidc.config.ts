// Single sign-on end to end: a real OpenID provider (e2e/oidc/serve-identity-provider.ts) and two
// built portals that trust it, one refusing unknown emails and one auto-provisioning them. They
// share one fresh embedded PostgreSQL with the demo organisation (the second portal finds the
// first one's server in the data directory), so the tests can also sign in as the demo admin
// (password) to check what single sign-on wrote.
// Run after `npm run build`: `npx playwright test -c playwright.oidc.config.ts`.
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { IDP_DISPLAY_NAME, IDP_ISSUER, OIDC_DB_PORT, OIDC_PORTALS, type OidcPortal } from "./e2e/oidc/portals";

// Set once in the main process; workers inherit it and must not make a second one.
const DATA_DIR = (process.env.E2E_OIDC_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "runwell-e2e-oidc-")));

const portalServer = (portal: OidcPortal) => ({
  command: "npx tsx scripts/serve.ts start",
  url: `${portal.portalUrl}/api/health`,
  timeout: 120_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  env: {
    PORT: String(portal.port),
    NEXTAUTH_URL: portal.portalUrl,
    RUNWELL_DATA_DIR: DATA_DIR,
    RUNWELL_DB_PORT: String(OIDC_DB_PORT),
    DATABASE_URL: "",
    OIDC_ISSUER: IDP_ISSUER,
    OIDC_CLIENT_ID: portal.clientId,
    OIDC_CLIENT_SECRET: portal.clientSecret,
    OIDC_DISPLAY_NAME: IDP_DISPLAY_NAME,
    OIDC_AUTO_PROVISION: portal.autoProvision ? "true" : "false",
  },
});

export default defineConfig({
  testDir: "e2e/oidc",
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000, // a test signs in through two servers several times; every wait is still on a condition
  expect: { timeout: 10_000 },
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: OIDC_PORTALS.map((portal) => ({
    name: portal.name,
    testMatch: `${portal.name}.spec.ts`,
    use: { ...devices["Desktop Chrome"], baseURL: portal.portalUrl },
  })),
  // Playwright starts these one after the other (and stops them in reverse): the provider, then the
  // portal that starts the database, then the one that reuses it.
  webServer: [
    {
      command: "npx tsx e2e/oidc/serve-identity-provider.ts",
      url: `${IDP_ISSUER}/.well-known/openid-configuration`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    ...OIDC_PORTALS.map(portalServer),
  ],
});
