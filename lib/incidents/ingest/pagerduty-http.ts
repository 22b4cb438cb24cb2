// The PagerDuty Events API v2 endpoint's HTTP side: the routing_key in the body is the credential (a
// Runwell service token, read from the same token table as a bearer token, with the same per-token rate
// limit), and answers are PagerDuty's own: 202 { status: "success", message: "Event processed",
// dedup_key }, 400 { status: "invalid event", message: "Event object is invalid", errors: [...] }.
import { NextResponse } from "next/server";
import { actorForBearerToken } from "../../auth/api-tokens";
import type { Actor } from "../../auth/actor";
import { apiError, readJson } from "../../api/handle-api";
import { AppError } from "../../errors";
import { limitApiCaller } from "../../http/rate-limit";

export type PagerDutyError = { status: string; message: string; errors: string[] };

const NO_KEY = "'routing_key' is missing or blank: send the Runwell token of the service as the routing_key.";
const BAD_KEY = "The routing_key is not a valid, unexpired and unrevoked Runwell token.";

/** The caller of a PagerDuty event: the token its routing_key names, within its rate limit. */
export async function routingKeyActor(body: unknown): Promise<Actor> {
  const key = body && typeof body === "object" && !Array.isArray(body) ? (body as { routing_key?: unknown }).routing_key : undefined;
  if (typeof key !== "string" || key.trim() === "") throw new AppError("UNAUTHENTICATED", NO_KEY);
  const actor = await actorForBearerToken(key.trim());
  if (!actor) throw new AppError("UNAUTHENTICATED", BAD_KEY);
  await limitApiCaller(actor);
  return actor;
}

const STATUS_WORD: Record<number, string> = { 401: "unauthorized", 403: "forbidden", 409: "conflict", 413: "payload too large", 429: "throttled" };

/** Field errors as PagerDuty lists them: one sentence each, naming the field. */
function errorList(error: AppError): string[] {
  const listed = Object.entries(error.fieldErrors).flatMap(([path, messages]) =>
    messages.map((message) => (message.includes(`'${path}'`) || path === "_form" ? message : `'${path}': ${message}`)),
  );
  return listed.length ? listed : [error.message];
}

/** An error in PagerDuty's shape; anything unexpected goes through the API's one mapping (logged, 500). */
export function pagerDutyError(error: unknown): Response {
  if (!(error instanceof AppError)) return apiError(error);
  const status = error.code === "VALIDATION" || error.code === "BAD_REQUEST" ? 400 : error.status;
  const body: PagerDutyError = status === 400
    ? { status: "invalid event", message: "Event object is invalid", errors: errorList(error) }
    : { status: STATUS_WORD[status] ?? "error", message: error.message, errors: errorList(error) };
  return NextResponse.json(body, { status, headers: { ...error.responseHeaders, "cache-control": "no-store" } });
}

export { readJson };
