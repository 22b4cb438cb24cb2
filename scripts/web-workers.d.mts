// Types for scripts/web-workers.mjs.
import type { Supervisor, SupervisorLog } from "./supervise.mjs";

export function startWebWorkers(options: {
  workers: number;
  nextBin: string;
  nextArguments: string[];
  env: NodeJS.ProcessEnv;
  log: SupervisorLog;
}): Supervisor;
