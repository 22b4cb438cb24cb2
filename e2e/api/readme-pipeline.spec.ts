// The README's pipeline example, as written there: its CLI line makes the token and its shell `report`
// function reports a deployment as started and then succeeded. (Its quoting once broke the second
// report: a heredoc strips the quotes inside ${2:+...}, so the body was not JSON.)
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "../fixtures";

const readme = readFileSync("README.md", "utf8");

function readmeLine(startsWith: string): string {
  const line = readme.split("\n").find((candidate) => candidate.startsWith(startsWith));
  if (!line) throw new Error(`README.md has no line starting with ${startsWith}`);
  return line;
}

/** The `report() { ... }` shell function of the README's curl example, up to its closing brace. */
function readmeReportFunction(): string {
  const start = readme.indexOf("report() {");
  const end = readme.indexOf("\n}\n", start);
  if (start < 0 || end < 0) throw new Error("README.md has no report() function");
  return readme.slice(start, end + 2);
}

test("the README's pipeline example reports a deployment started, then succeeded", async ({ apiAs, baseURL }) => {
  test.setTimeout(90_000);
  // The README's CLI line, against the database the portal under test uses.
  const cli = readmeLine("npm run -s cli -- token create").split(" ");
  const created = spawnSync(cli[0]!, cli.slice(1), {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "", RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR, RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500" },
  });
  const token = created.stdout.trim();
  expect(token, created.stderr).toMatch(/^rw_\S+$/);

  // A pipeline's checkout: the example reads the commit from git.
  const repo = mkdtempSync(path.join(os.tmpdir(), "runwell-readme-"));
  try {
    const git = (...args: string[]) => spawnSync("git", ["-c", "user.name=E2E", "-c", "user.email=e2e@example.com", ...args], { cwd: repo, encoding: "utf8" });
    git("init", "-q");
    git("commit", "-q", "--allow-empty", "-m", "Faster basket totals");
    const runId = `readme-${Date.now()}`;
    const report = (...args: string[]) =>
      spawnSync("bash", ["-c", `set -euo pipefail\n${readmeReportFunction()}\nreport "$@"`, "report", ...args], {
        cwd: repo,
        encoding: "utf8",
        env: {
          ...process.env, RUNWELL: baseURL!, AUTH: `Authorization: Bearer ${token}`, VERSION: runId, RUN_ID: runId,
          STARTED_AT: new Date(Date.now() - 60_000).toISOString(), PIPELINE_URL: `https://ci.example/${runId}`, USER: "e2e",
        },
      });

    const started = report("started");
    expect(started.status, started.stderr).toBe(0);
    const { id } = JSON.parse(started.stdout) as { id: string };
    const succeeded = report("succeeded", new Date().toISOString());
    expect(succeeded.status, succeeded.stderr).toBe(0);
    expect(JSON.parse(succeeded.stdout)).toMatchObject({ id });

    const api = await apiAs(null);
    const listed = await api.get("/api/v1/deployments?service=checkout-api&limit=5", { headers: { Authorization: `Bearer ${token}` } });
    expect(listed.status()).toBe(200);
    const deployments = (await listed.json()) as { id: string; status: string; deployer: string; pipelineUrl: string }[];
    expect(deployments.find((deployment) => deployment.id === id)).toMatchObject({ status: "succeeded", deployer: "e2e", pipelineUrl: `https://ci.example/${runId}` });
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
