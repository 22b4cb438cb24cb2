// A revoked token must stop at once in every server process on the database, not only in the one that
// revoked it. A second portal process is started on the same database; the token is revoked through the
// first (in the browser, as an admin) and through the CLI, and the other process refuses it straight away.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { authFile, expect, test } from "../fixtures";

const SERVICE = "checkout-api";
const SECOND_PORT = Number(process.env.E2E_PORT ?? 3100) + 37;
const SECOND = `http://localhost:${SECOND_PORT}`;
const databaseEnv = { DATABASE_URL: "", RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR, RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500" };

function cli(...args: string[]) {
  const result = spawnSync("npm", ["run", "-s", "cli", "--", ...args], { encoding: "utf8", env: { ...process.env, ...databaseEnv } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

let second: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  expect(await answers(`${SECOND}/api/health`), `port ${SECOND_PORT} is taken`).toBe(false);
  second = spawn("npx", ["tsx", "scripts/serve.ts", "start"], { env: { ...process.env, ...databaseEnv, PORT: String(SECOND_PORT) }, stdio: "ignore", detached: true });
  await expect.poll(() => answers(`${SECOND}/api/health`), { timeout: 90_000, intervals: [250] }).toBe(true);
});

test.afterAll(async () => {
  if (!second?.pid) return;
  const exited = new Promise((resolve) => second!.once("exit", resolve));
  process.kill(-second.pid, "SIGTERM");
  await exited;
  // The launcher's children stop with it; the port is free once nothing answers there.
  await expect.poll(() => answers(`${SECOND}/api/health`), { timeout: 30_000, intervals: [250] }).toBe(false);
});

const status = async (base: string, token: string) =>
  (await fetch(`${base}/api/v1/deployments?service=${SERVICE}`, { headers: { authorization: `Bearer ${token}` } })).status;

test.describe("revocation reaches every process at once", () => {
  test.use({ storageState: authFile("admin") });

  test("revoked in the browser through one process, refused by the other", async ({ page, baseURL }) => {
    const name = `revocation ${Date.now()}`;
    const token = cli("token", "create", "--service", SERVICE, "--scopes", "deployments:write", "--name", name);
    expect(await status(baseURL!, token)).toBe(200);
    expect(await status(SECOND, token)).toBe(200);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.goto(`/services/${SERVICE}/tokens`);
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");

    expect(await status(SECOND, token)).toBe(401);
    expect(await status(baseURL!, token)).toBe(401);
  });

  test("listed and revoked with the CLI, refused by both processes", async ({ baseURL }) => {
    const name = `cli revocation ${Date.now()}`;
    const token = cli("token", "create", "--service", SERVICE, "--scopes", "deployments:write", "--name", name);
    expect(await status(SECOND, token)).toBe(200);
    const row = cli("token", "list", "--service", SERVICE).split("\n").find((line) => line.includes(name));
    expect(row).toMatch(/\bactive\b/);
    expect(row).not.toContain(token);
    const id = row!.split(/\s+/)[0]!;

    expect(cli("token", "revoke", "--id", id)).toContain(`Revoked token ${id}`);
    expect(await status(SECOND, token)).toBe(401);
    expect(await status(baseURL!, token)).toBe(401);
    expect(cli("token", "list", "--service", SERVICE).split("\n").find((line) => line.includes(name))).toMatch(/\brevoked\b/);
  });
});
