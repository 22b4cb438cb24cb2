// One id per request, in every log line (lib/observability/logger.ts), the 500 body and the
// `x-request-id` response header. An id from a proxy or load balancer in front is kept, so one id
// follows the request through both logs; anything else gets a fresh UUID.
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

// Long enough for trace ids and AWS's "Root=1-…" ids; no spaces, quotes or control characters, so
// an incoming value cannot forge log fields or split a header.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:=+/-]{1,128}$/;

/** The request's id: the incoming header's value when it is sane, otherwise a new one. */
export function requestIdFrom(incoming: string | string[] | null | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
