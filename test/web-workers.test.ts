// RUNWELL_WEB_WORKERS: the launcher (scripts/serve.ts → scripts/web-workers.mjs) runs that many
// servers on one port under the same supervisor as a single one. Run against a stand-in for
// `next start` (test/fixtures/stand-in-next.cjs) that answers with its pid.
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { alive, freePort, get, killTree, REPO, serverPids, startLauncher, until, type Launcher } from "../scripts/fault/harness";

const STAND_IN = path.join(REPO, "test", "fixtures", "stand-in-next.cjs");
let launched: Launcher | null = null;

afterEach(() => {
  killTree(launched?.child.pid);
  launched = null;
});

async function start(workers: string, env: Record<string, string> = {}): Promise<Launcher> {
  launched = startLauncher(await freePort(), {
    DATABASE_URL: inject("databaseUrl"),
    NEXTAUTH_SECRET: "launcher-test-secret-0123456789",
    RUNWELL_SEED_DEMO: "false",
    RUNWELL_NEXT_BIN: STAND_IN,
    RUNWELL_WEB_WORKERS: workers,
    ...env,
  });
  return launched;
}

/** The pids that answered a dozen requests, each on a new connection (the primary spreads connections). */
async function pidsAnswering(port: number): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < 12; i++) {
    const answer = await get(port, "/");
    if (answer?.status === 200) pids.add(Number(answer.body));
  }
  return pids;
}

describe("web workers", () => {
  it("runs that many servers on one port, replaces one that dies, and stops them all on SIGTERM", async () => {
    const launcher = await start("2");
    const first = await until("two workers to answer", async () => {
      const pids = await pidsAnswering(launcher.port);
      return pids.size === 2 ? pids : null;
    });
    expect(new Set(serverPids(launcher.child.pid!))).toEqual(first);

    const [victim, survivor] = [...first] as [number, number];
    process.kill(victim, "SIGKILL");
    const now = await until("a new worker beside the survivor", async () => {
      const pids = await pidsAnswering(launcher.port);
      return pids.size === 2 && !pids.has(victim) ? pids : null;
    });
    expect(now.has(survivor)).toBe(true);
    expect(launcher.output()).toMatch(new RegExp(`web worker ${victim} exited \\(signal SIGKILL\\); starting another`));

    launcher.child.kill("SIGTERM");
    expect(await launcher.exited).toEqual({ code: 0, signal: null });
    for (const pid of now) expect(alive(pid)).toBe(false);
    expect(await get(launcher.port, "/")).toBeNull();
  }, 60_000);

  it("stops the portal when the workers keep crashing", async () => {
    const launcher = await start("2", { STAND_IN: "crash" });
    expect((await launcher.exited).code).toBe(1);
    expect(launcher.output()).toMatch(/web worker exited 6 times within 60 s \(last: code 3\); stopping the portal/);
  }, 60_000);

  it("refuses a worker count that is not a whole number from 1 to 64", async () => {
    const launcher = await start("none");
    expect((await launcher.exited).code).toBe(1);
    expect(launcher.output()).toContain('RUNWELL_WEB_WORKERS must be a whole number from 1 to 64, not \\"none\\"');
  });
});
