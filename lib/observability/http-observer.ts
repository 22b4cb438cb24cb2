// Sees every request the Node HTTP server receives, before Next does: gives it a request id (kept from
// a sane incoming x-request-id, else new), runs Next's handling of it inside that id's context (so
// every log line of the request carries it: lib/observability/logger.ts), returns the id in the
// response's x-request-id header, and times it into the route-pattern latency histogram.
//
// Why here and not in proxy.ts or a handler wrapper: a handler wrapper sees API routes only, not pages,
// server actions or Next's own 404s; proxy.ts runs in its own context and can pass only headers on, not
// the async context that log lines need, and it cannot see when the response ends. Patching the
// server's 'request' event covers all of it with one hook (instrumentation.ts installs it).
import http from "node:http";
import { REQUEST_ID_HEADER, requestIdFrom } from "../http/request-id";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { runWithRequestContext } from "./request-context";
import { loadRouteMatcher, type RouteMatcher } from "./route-patterns";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

const INSTALLED = Symbol.for("runwell.httpObserver");
type Patched = typeof http.Server.prototype & { [INSTALLED]?: boolean };

function observe(request: http.IncomingMessage, response: http.ServerResponse, route: RouteMatcher, startedAt: bigint): void {
  const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const method = METHODS.has(request.method ?? "") ? request.method! : "OTHER";
  // A response that never finished (the client went away) is counted apart from real statuses.
  const status = response.writableFinished ? String(response.statusCode) : "aborted";
  const pattern = route(request.url ?? "/");
  metrics().httpDuration.observe({ route: pattern, method, status }, seconds);
  // One line per request only at debug level (a pipeline's ingest is hundreds a second); a 5xx always,
  // so the request id in a 500 body leads to its route and method as well as to the error's own line.
  const log = logger();
  const failed = response.statusCode >= 500;
  if (failed || log.isLevelEnabled("debug")) {
    const line = { method, route: pattern, path: (request.url ?? "/").split("?")[0], status, ms: Math.round(seconds * 1000) };
    if (failed) log.warn(line, "request answered with a server error");
    else log.debug(line, "request");
  }
}

/** Installs the hook on every http.Server in this process (once). */
export function installHttpObserver(route: RouteMatcher = loadRouteMatcher()): void {
  const prototype = http.Server.prototype as Patched;
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const request = args[0] as http.IncomingMessage;
    const response = args[1] as http.ServerResponse;
    const startedAt = process.hrtime.bigint();
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    // proxy.ts and handlers see the id in the request's headers too, whatever came in.
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader(REQUEST_ID_HEADER, requestId);
    response.once("close", () => observe(request, response, route, startedAt));
    return runWithRequestContext({ requestId }, () => emit.call(this, event, ...args));
  } as typeof prototype.emit;
}
