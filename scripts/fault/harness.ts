// What the fault scripts and the launcher tests share: start `npm start`'s launcher for real, find
// the processes under it, talk HTTP to it without connection reuse, and wait for conditions with a
// bound (never a fixed sleep).
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";

export const REPO = path.resolve(import.meta.dirname, "..", "..");
const TSX_CLI = path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs");

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Polls `probe` until it returns a value (not null/undefined/false), or throws after `timeoutMs`. */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 20_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type Launcher = {
  child: ChildProcess;
  port: number;
  /** Everything the launcher and its servers wrote so far (stdout and stderr). */
  output: () => string;
  exited: Promise<Exit>;
  hasExited: () => boolean;
};

/** Starts `tsx scripts/serve.ts start` (what `npm start` runs) with `env` on top of this process's. */
export function startLauncher(port: number, env: Record<string, string>): Launcher {
  const child = spawn(process.execPath, [TSX_CLI, "scripts/serve.ts", "start"], {
    cwd: REPO,
    // The checks read the launcher's log lines, whatever level the test run itself logs at.
    env: { ...process.env, NODE_ENV: "production", RUNWELL_LOG_LEVEL: "info", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  let exited = false;
  const exit = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => {
    exited = true;
    resolve({ code, signal });
  }));
  return { child, port, output: () => output, exited: exit, hasExited: () => exited };
}

/** Kills the launcher and everything under it (for afterEach: a failed test must leave nothing running). */
export function killTree(pid: number | undefined): void {
  if (!pid) return;
  for (const descendant of [...descendants(pid), pid].reverse()) {
    try {
      process.kill(descendant, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (state[0] === "Z") return null; // a zombie is no longer running
    return Number(state[1]);
  } catch {
    return null;
  }
}

export function descendants(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const parent = parentOf(pid);
    if (parent !== null) parents.set(pid, parent);
  }
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const [child, parent] of parents) {
      if (parent === pid) {
        found.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return found;
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").trim();
  } catch {
    return "";
  }
}

/** The `next-server` processes under the launcher (Next sets that process title; so does the stand-in). */
export function serverPids(launcherPid: number): number[] {
  return descendants(launcherPid).filter((pid) => commandLine(pid).startsWith("next-server"));
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return parentOf(pid) !== null;
  } catch {
    return false;
  }
}

export type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders };

/** One request on a new connection; null when the connection fails or no answer comes in `timeoutMs`. */
export function request(port: number, method: string, urlPath: string, options: { headers?: Record<string, string>; body?: string; timeoutMs?: number } = {}): Promise<Answer | null> {
  return new Promise((resolve) => {
    const headers = { ...options.headers, ...(options.body !== undefined ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(options.body)) } : {}) };
    const outgoing = http.request({ host: "127.0.0.1", port, method, path: urlPath, headers, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
      response.on("error", () => resolve(null));
    });
    outgoing.on("error", () => resolve(null));
    outgoing.setTimeout(options.timeoutMs ?? 10_000, () => outgoing.destroy());
    outgoing.end(options.body);
  });
}

export const get = (port: number, urlPath: string, headers?: Record<string, string>) => request(port, "GET", urlPath, { headers });

/** Whether a new TCP connection to the port is accepted. */
export function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** The postmaster's pid from the data directory's lock file. */
export function postmasterPid(pgDataDir: string): number {
  return Number(readFileSync(path.join(pgDataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}
