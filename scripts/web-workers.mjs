// `node scripts/web-workers.mjs <workers> start -p <port>`: runs `next start` in several processes
// that share one port (node:cluster hands each new connection to the next worker in turn).
//
// A Next.js server handles requests on one thread, so one process uses one core however many the
// machine has; pipelines reporting deployments and asking the gate at hundreds a second keep that
// thread busy. Every worker is a complete `next start`: the per-process caches (API tokens, on-call,
// DORA snapshots) are each kept per worker and are correct across workers (docs/DEPLOY.md), and the
// audit sealer already takes an advisory lock. A worker that dies is replaced; SIGTERM or SIGINT is
// passed on to every worker, and the launcher exits once they all have.
import cluster from "node:cluster";
import path from "node:path";

const RESTARTS_ALLOWED = 5;
const RESTART_WINDOW_MS = 60_000;

const [, , workersArgument, ...nextArguments] = process.argv;
const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

if (cluster.isPrimary) {
  const workers = Number(workersArgument);
  if (!Number.isInteger(workers) || workers < 1) {
    console.error(`[runwell] web workers must be a whole number of at least 1, not "${workersArgument}"`);
    process.exit(1);
  }
  let stopping = false;
  let exitCode = 0;
  const restarts = [];
  // Our own list: cluster.workers drops a worker only once its IPC channel has closed, which can be
  // after its 'exit'.
  const running = new Set();
  const fork = () => running.add(cluster.fork());

  for (let i = 0; i < workers; i++) fork();

  cluster.on("exit", (worker, code, signal) => {
    running.delete(worker);
    if (stopping) {
      if (running.size === 0) process.exit(exitCode);
      return;
    }
    // A crash loop (a bad build, a port taken) should stop the portal, not spin.
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
    if (restarts.length > RESTARTS_ALLOWED) {
      console.error(`[runwell] web workers exited ${restarts.length} times within a minute; stopping`);
      stopAll(1);
      return;
    }
    console.error(`[runwell] web worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    fork();
  });

  const stopAll = (code) => {
    stopping = true;
    exitCode = code;
    if (running.size === 0) process.exit(exitCode);
    for (const worker of running) worker.process.kill("SIGTERM");
  };
  process.on("SIGTERM", () => stopAll(0));
  process.on("SIGINT", () => stopAll(0));
} else {
  // The worker is `next start` itself: its bin reads the command line.
  process.argv = [process.argv[0], nextBin, ...nextArguments];
  await import(nextBin);
}
