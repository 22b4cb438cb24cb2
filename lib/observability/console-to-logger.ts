// Next.js and some libraries write with console.* (an error thrown while rendering, a deprecation
// warning). Under `next start` those lines go through the logger too, so the log stays one JSON
// object per line and a render error carries the id of the request that hit it.
import { format } from "node:util";
import { logger } from "./logger";

const BRIDGED = Symbol.for("runwell.consoleBridged");
type Level = "error" | "warn" | "info" | "debug";

export function bridgeConsoleToLogger(): void {
  const holder = console as unknown as { [BRIDGED]?: boolean };
  if (holder[BRIDGED]) return;
  holder[BRIDGED] = true;
  const bridge = (level: Level) => (...args: unknown[]) => {
    const err = args.find((arg) => arg instanceof Error);
    const rest = args.filter((arg) => arg !== err);
    const message = format(...rest) || (err instanceof Error ? err.message : "");
    logger()[level](err ? { err } : {}, message);
  };
  console.error = bridge("error");
  console.warn = bridge("warn");
  console.log = bridge("info");
  console.info = bridge("info");
  console.debug = bridge("debug");
}
