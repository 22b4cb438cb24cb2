// Route handlers go through here: one mapping from AppError to HTTP, and a request id for the rest.
import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { AppError } from "../errors";
import { logger } from "../observability/logger";
import { currentRequestId } from "../observability/request-context";

/** `fields` maps a field path ("commits.0.sha") to its first message, as docs/API.md describes. */
export type ApiErrorBody = { error: { code: string; message: string; fields?: Record<string, string>; requestId?: string } };

export function apiError(error: unknown): NextResponse<ApiErrorBody> {
  if (error instanceof AppError) {
    const entries = Object.entries(error.fieldErrors).filter(([, messages]) => messages.length > 0);
    const fields = entries.length ? Object.fromEntries(entries.map(([path, messages]) => [path, messages[0]!])) : undefined;
    return NextResponse.json(
      { error: { code: error.code, message: error.message, fields } },
      { status: error.status, headers: error.responseHeaders },
    );
  }
  // The id of the request (also in its x-request-id header and on every log line it wrote).
  const requestId = currentRequestId() ?? randomUUID();
  logger().error({ err: error, requestId }, "API request failed");
  return NextResponse.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side.", requestId } },
    { status: 500 },
  );
}

/** The largest JSON body /api/v1 reads (a deployment report with a long commit list is a few kB). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

const tooLarge = () =>
  new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${MAX_JSON_BODY_BYTES / 1024 / 1024} MB, the most the API accepts.`);

/**
 * Reads the body as text, refusing it once it passes `limit` bytes. A declared Content-Length is
 * checked before reading (Node's parser never delivers more than it declares); a chunked body has
 * none, so its stream is counted and cancelled at the limit: a 200 MB upload is never buffered.
 */
async function readBoundedText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge();
  if (declared !== null || !request.body) return request.text();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Reads a JSON request body of at most MAX_JSON_BODY_BYTES: a bigger one is a 413, malformed JSON a
 * 400 with a clear message, never a 500.
 */
export async function readJson(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<unknown> {
  let text: string;
  try {
    text = await readBoundedText(request, limit);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("BAD_REQUEST", "The request body could not be read.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}

/**
 * JSON answers are small and never cached. `no-transform` also keeps Next's gzip off them: the
 * response streams without a Content-Length, so gzip would set up a zlib stream for every few-hundred-
 * byte answer, a measurable share of a pipeline's ingest (docs/PERFORMANCE.md).
 */
function uncachedJson(response: Response): Response {
  if (response.headers.get("content-type")?.startsWith("application/json") && !response.headers.has("cache-control")) {
    response.headers.set("cache-control", "no-store, no-transform");
  }
  return response;
}

/** Wraps a handler so thrown AppErrors become JSON errors with the right status. */
export function handleApi<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return uncachedJson(await handler(...args));
    } catch (error) {
      return uncachedJson(apiError(error));
    }
  };
}
