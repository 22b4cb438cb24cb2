// What every line logged while serving a request should carry (its id), without passing it around.
// lib/observability/http-observer.ts starts the context for each request the HTTP server receives;
// Next's handlers, actions and the use cases they call run inside it.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { requestId: string };

// One store per process: a production build holds several copies of this module (STACK.md), and
// the one the HTTP observer writes must be the one the logger reads.
const STORE = Symbol.for("runwell.requestContext");
const holder = globalThis as unknown as { [STORE]?: AsyncLocalStorage<RequestContext> };
const storage = (holder[STORE] ??= new AsyncLocalStorage<RequestContext>());

export function runWithRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage.run(context, run);
}

/** The id of the request being served, or undefined outside a request (timers, start-up). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
