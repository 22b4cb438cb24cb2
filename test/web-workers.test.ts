// scripts/web-workers.mjs, the launcher behind RUNWELL_WEB_WORKERS, run against a stand-in for
// `next start` (a tiny HTTP server that answers with its pid) in a scratch project directory.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const launcher = path.resolve("scripts/web-workers.mjs");
const FAKE_NEXT = `
const http = require("node:http");
const [command, flag, port] = process.argv.slice(2);
if (command !== "start" || flag !== "-p") { console.error("unexpected arguments", process.argv.slice(2)); process.exit(2); }
const server = http.createServer((request, response) => response.end(String(process.pid)));
server.listen(Number(port));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
`;

let project: string | null = null;
let launched: ChildProcess | null = null;

afterEach(() => {
  if (launched && launched.exitCode === null) launched.kill("SIGKILL");
  if (project) rmSync(project, { recursive: true, force: true });
  launched = project = null;
});

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(workers: string, port: number): ChildProcess {
  project = mkdtempSync(path.join(os.tmpdir(), "runwell-web-workers-"));
  const bin = path.join(project, "node_modules", "next", "dist", "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, "next"), FAKE_NEXT);
  launched = spawn(process.execPath, [launcher, workers, "start", "-p", String(port)], { cwd: project, stdio: ["ignore", "ignore", "pipe"] });
  return launched;
}

/** The pid that answered, over a new connection each time (the launcher spreads connections). */
function askPid(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get({ port, host: "127.0.0.1", agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve(Number(body)));
    });
    request.on("error", () => resolve(null));
    // A connection handed to a worker as it died is never answered.
    request.setTimeout(1000, () => request.destroy());
  });
}

async function pidsAnswering(port: number, wanted: number, timeoutMs = 15_000): Promise<Set<number>> {
  const deadline = Date.now() + timeoutMs;
  let pids = new Set<number>();
  while (Date.now() < deadline) {
    pids = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const pid = await askPid(port);
      if (pid) pids.add(pid);
    }
    if (pids.size >= wanted) return pids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return pids;
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code))));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("web workers", () => {
  it("runs that many servers on one port, replaces one that dies, and stops them all on SIGTERM", async () => {
    const port = await freePort();
    const primary = start("2", port);

    const first = await pidsAnswering(port, 2);
    expect(first.size).toBe(2);
    expect(first.has(primary.pid!)).toBe(false);

    const [victim, survivor] = [...first];
    process.kill(victim!, "SIGKILL");
    const deadline = Date.now() + 15_000;
    let now = new Set<number>();
    while (Date.now() < deadline) {
      now = await pidsAnswering(port, 2);
      if (now.size === 2 && !now.has(victim!)) break;
    }
    expect(now.size).toBe(2);
    expect(now.has(victim!)).toBe(false);
    expect(now.has(survivor!)).toBe(true);

    primary.kill("SIGTERM");
    expect(await exited(primary)).toBe(0);
    for (const pid of now) expect(alive(pid)).toBe(false);
    expect(await askPid(port)).toBeNull();
  }, 40_000);

  it("refuses a worker count that is not a whole number of at least 1", async () => {
    const primary = start("none", await freePort());
    let stderr = "";
    primary.stderr!.on("data", (chunk) => (stderr += chunk));
    expect(await exited(primary)).toBe(1);
    expect(stderr).toContain('web workers must be a whole number of at least 1, not "none"');
  });
});
