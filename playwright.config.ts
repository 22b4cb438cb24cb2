import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// A fresh embedded PostgreSQL per run. Set once in the main process; workers inherit the env.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), "runwell-e2e-"));
const PORT = Number(process.env.E2E_PORT ?? 3100);
// The run's SMTP sink (e2e/mail-sink.ts, started by global-setup): the portal emails go there.
process.env.E2E_SMTP_PORT ??= String(PORT + 20_000);
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  testIgnore: "oidc/**", // single sign-on runs against its own portals: playwright.oidc.config.ts
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "npx tsx scripts/serve.ts start",
    url: `${BASE_URL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR,
      RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500",
      DATABASE_URL: "",
      SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
    },
  },
});
