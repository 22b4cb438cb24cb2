// Types for scripts/supervise.mjs (plain JavaScript so that plain Node can run web-workers.mjs).
import type { ChildProcess } from "node:child_process";
import type { Worker } from "node:cluster";

export type SupervisedProcess = {
  pid: number | undefined;
  kill: (signal: NodeJS.Signals) => void;
  onExit: (listener: (code: number | null, signal: NodeJS.Signals | null) => void) => void;
};

export type SupervisorLog = { warn: (line: string) => void; error: (line: string) => void };

export type SupervisorOptions = {
  /** Names the processes in log lines: "next-server", "web worker". */
  name: string;
  start: () => SupervisedProcess;
  log: SupervisorLog;
  slots?: number;
  restartsAllowed?: number;
  windowMs?: number;
  backoff?: { firstMs?: number; maxMs?: number };
  drainMs?: number;
};

export type SupervisorOutcome = { code: number; reason: string };

export type Supervisor = {
  done: Promise<SupervisorOutcome>;
  stop: (outcome?: SupervisorOutcome) => Promise<SupervisorOutcome>;
  pids: () => number[];
};

export function describeExit(code: number | null, signal: NodeJS.Signals | null): string;
export function restartDelay(recentExits: number, backoff: { firstMs: number; maxMs: number }): number;
export function fromChildProcess(child: ChildProcess): SupervisedProcess;
export function fromClusterWorker(worker: Worker): SupervisedProcess;
export function supervise(options: SupervisorOptions): Supervisor;
