// Keeps server processes running: the one supervision logic behind `npm start` (one `next start`
// child) and scripts/web-workers.mjs (N cluster workers). Plain JavaScript so that web-workers.mjs,
// which plain Node runs, can share it with scripts/serve.ts (types in supervise.d.mts).
//
// - A process that dies is started again after a backoff that doubles with each recent exit.
// - More than `restartsAllowed` exits within `windowMs` is a crash loop (a bad build, a taken port, a
//   database that refuses us): everything stops and `done` resolves with exit code 1 and the reason.
// - stop() sends SIGTERM, which `next start` answers by closing its listener and finishing the
//   requests in flight; whatever still runs after `drainMs` gets SIGKILL, so stopping never hangs.
// Exits are seen through each process's 'exit' event, subscribed when it is started: a process killed
// by a signal has exitCode === null, so asking `exitCode` afterwards cannot tell whether it ran.

/** How a process ended, for the log: "code 1" or "signal SIGKILL". */
export function describeExit(code, signal) {
  return signal ? `signal ${signal}` : `code ${code}`;
}

/** The wait before restart number `recentExits` (1, 2, ...) within the window. */
export function restartDelay(recentExits, backoff) {
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, recentExits - 1));
}

/** A ChildProcess (child_process.spawn) as a supervised process. */
export function fromChildProcess(child) {
  return {
    pid: child.pid,
    kill: (signal) => child.kill(signal),
    onExit: (listener) => {
      let reported = false;
      const report = (code, signal) => {
        if (reported) return;
        reported = true;
        listener(code, signal);
      };
      child.once("exit", report);
      // A process that could not be spawned at all emits 'error' and never 'exit'.
      child.once("error", () => {
        if (child.pid === undefined) report(null, null);
      });
    },
  };
}

/** A node:cluster worker as a supervised process. */
export function fromClusterWorker(worker) {
  return {
    pid: worker.process.pid,
    // The signal itself, not worker.kill(): `next start` drains on SIGTERM.
    kill: (signal) => worker.process.kill(signal),
    onExit: (listener) => worker.once("exit", listener),
  };
}

const DEFAULTS = {
  slots: 1,
  restartsAllowed: 5,
  windowMs: 60_000,
  backoff: { firstMs: 250, maxMs: 4_000 },
  drainMs: 25_000,
};

/**
 * Starts `slots` processes from `start()` and keeps them running until stop() or a crash loop.
 * `done` resolves once every process has exited: `{ code, reason }`.
 */
export function supervise(options) {
  const { name, start, log } = options;
  const settings = { ...DEFAULTS, ...options, backoff: { ...DEFAULTS.backoff, ...options.backoff } };
  const running = new Map(); // pid -> supervised process
  const restartTimers = new Set();
  const exits = [];
  let stopping = null; // { code, reason } once stopping
  let drainTimer = null;
  let resolveDone;
  const done = new Promise((resolve) => (resolveDone = resolve));

  const finishIfIdle = () => {
    if (!stopping || running.size > 0) return;
    if (drainTimer) clearTimeout(drainTimer);
    for (const timer of restartTimers) clearTimeout(timer);
    restartTimers.clear();
    resolveDone(stopping);
  };

  const launch = () => {
    let child;
    try {
      child = start();
    } catch (error) {
      // Counted like a process that exited at once, so a start that keeps failing is a crash loop.
      log.error(`${name} could not be started: ${error?.stack ?? error}`);
      onUnexpectedExit(undefined, null, null);
      return;
    }
    const key = child.pid ?? Symbol("unspawned");
    running.set(key, child);
    child.onExit((code, signal) => {
      running.delete(key);
      if (stopping) return finishIfIdle();
      onUnexpectedExit(child.pid, code, signal);
    });
  };

  const onUnexpectedExit = (pid, code, signal) => {
    const now = Date.now();
    exits.push(now);
    while (exits.length && now - exits[0] > settings.windowMs) exits.shift();
    const how = describeExit(code, signal);
    if (exits.length > settings.restartsAllowed) {
      const reason = `${name} exited ${exits.length} times within ${settings.windowMs / 1000} s (last: ${how}); stopping the portal instead of restarting it again`;
      log.error(reason);
      stop({ code: 1, reason });
      return;
    }
    const delay = restartDelay(exits.length, settings.backoff);
    log.warn(`${name} ${pid ?? "(not started)"} exited (${how}); starting another in ${delay} ms`);
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      if (!stopping) launch();
    }, delay);
    restartTimers.add(timer);
  };

  /** Stops everything: SIGTERM, then SIGKILL for what still runs after drainMs. */
  const stop = (outcome = { code: 0, reason: "stopped" }) => {
    if (stopping) return done;
    stopping = outcome;
    for (const timer of restartTimers) clearTimeout(timer);
    restartTimers.clear();
    for (const child of running.values()) child.kill("SIGTERM");
    if (running.size > 0) {
      drainTimer = setTimeout(() => {
        log.error(`${name}: ${running.size} process(es) still running ${settings.drainMs} ms after SIGTERM; killing them`);
        for (const child of running.values()) child.kill("SIGKILL");
      }, settings.drainMs);
    }
    finishIfIdle();
    return done;
  };

  for (let slot = 0; slot < settings.slots; slot++) launch();
  return { done, stop, pids: () => [...running.values()].map((child) => child.pid).filter((pid) => pid !== undefined) };
}
