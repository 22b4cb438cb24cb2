// Preloaded into the Prisma CLI: its WASM engine leaves a 10 s timer that keeps the process alive
// after the command has finished. Long timers never carry work the CLI waits for, so unref them.
const original = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...args) {
  const timer = original(fn, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
