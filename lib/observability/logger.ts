// Structured JSON logs (pino) on stdout, one object per line: level, time, msg, and the id of the
// request being served (requestId) on every line written while serving one.
import pino, { type Logger } from "pino";
import { currentRequestId } from "./request-context";

const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * RUNWELL_LOG_LEVEL is read here, not through lib/env: the logger must work before the environment
 * is validated (the launcher logs before it has a database) and when validation fails.
 */
function level(): string {
  const wanted = process.env.RUNWELL_LOG_LEVEL;
  return wanted && (LEVELS as readonly string[]).includes(wanted) ? wanted : "info";
}

/** pino's error serializer, without the pg client that pg attaches to a connection's error (huge, and holds SQL). */
function serializeError(error: unknown) {
  const serialized: unknown = pino.stdSerializers.err(error as Error);
  if (serialized && typeof serialized === "object") delete (serialized as { client?: unknown }).client;
  return serialized;
}

function createLogger(): Logger {
  return pino({
    level: level(),
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"error" rather than 50: the lines are read by people as well as by log pipelines.
    formatters: { level: (label) => ({ level: label }) },
    serializers: { err: serializeError },
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  });
}

// One logger per process (a production build holds several copies of this module).
const LOGGER = Symbol.for("runwell.logger");
const holder = globalThis as unknown as { [LOGGER]?: Logger };

export function logger(): Logger {
  return (holder[LOGGER] ??= createLogger());
}
