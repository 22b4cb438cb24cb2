// scripts/serve.ts (`npm start`), started for real against the run's database, around a stand-in for
// `next start` (test/fixtures/stand-in-next.cjs): it restarts a server killed with SIGKILL, gives up
// on a crash loop with a message and exit code 1, and on SIGTERM waits for the request in flight.
// The same against the real built app: scripts/fault/*.test.ts (after `npm run build`).
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { alive, freePort, get, killTree, REPO, serverPids, startLauncher, until, type Launcher } from "../scripts/fault/harness";

const STAND_IN = path.join(REPO, "test", "fixtures", "stand-in-next.cjs");
let launched: Launcher | null = null;

afterEach(() => {
  killTree(launched?.child.pid);
  launched = null;
});

async function start(env: Record<string, string> = {}): Promise<Launcher> {
  const port = await freePort();
  launched = startLauncher(port, {
    DATABASE_URL: inject("databaseUrl"),
    NEXTAUTH_SECRET: "launcher-test-secret-0123456789",
    RUNWELL_SEED_DEMO: "false",
    RUNWELL_NEXT_BIN: STAND_IN,
    ...env,
  });
  return launched;
}

/** The pid of the server that answered, or null when nothing answers. */
async function answeringPid(port: number): Promise<number | null> {
  const answer = await get(port, "/", undefined);
  return answer?.status === 200 ? Number(answer.body) : null;
}

describe("the launcher (npm start)", () => {
  it("starts another server when the one running is killed with SIGKILL", async () => {
    const launcher = await start();
    const first = await until("the first server to answer", () => answeringPid(launcher.port));
    expect(serverPids(launcher.child.pid!)).toEqual([first]);

    process.kill(first, "SIGKILL");
    const second = await until("another server to answer", async () => {
      const pid = await answeringPid(launcher.port);
      return pid !== null && pid !== first ? pid : null;
    });
    expect(alive(first)).toBe(false);
    expect(launcher.output()).toMatch(new RegExp(`next-server ${first} exited \\(signal SIGKILL\\); starting another in \\d+ ms`));
    expect(launcher.hasExited()).toBe(false);

    launcher.child.kill("SIGTERM");
    expect(await launcher.exited).toEqual({ code: 0, signal: null });
    expect(alive(second)).toBe(false);
  }, 60_000);

  it("stops with exit code 1 and says why when the server keeps crashing", async () => {
    const launcher = await start({ STAND_IN: "crash" });
    const exit = await launcher.exited;
    expect(exit.code).toBe(1);
    expect(launcher.output()).toContain("next-server exited 6 times within 60 s (last: code 3); stopping the portal");
    expect(launcher.output()).toContain("Runwell stopped: next-server exited 6 times within 60 s");
  }, 60_000);

  it("lets the request in flight finish on SIGTERM, then exits 0", async () => {
    const launcher = await start();
    const server = await until("the server to answer", () => answeringPid(launcher.port));
    const slow = get(launcher.port, "/slow");
    await until("the server to hold /slow", () => launcher.output().includes(`stand-in ${server}: holding /slow`));

    launcher.child.kill("SIGTERM");
    await until("the server to start draining", () => launcher.output().includes(`stand-in ${server}: SIGTERM, draining`));
    // Still draining: the launcher has not exited and the server is still running.
    expect(launcher.hasExited()).toBe(false);
    expect(alive(server)).toBe(true);

    process.kill(server, "SIGUSR2"); // the stand-in finishes /slow
    const answer = await slow;
    expect(answer).toMatchObject({ status: 200, body: `finished by ${server}` });
    expect(await launcher.exited).toEqual({ code: 0, signal: null });
    expect(launcher.output()).not.toContain("still running");
  }, 60_000);
});
