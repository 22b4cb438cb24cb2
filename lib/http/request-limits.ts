// Request body limits that answer before anything reads the body.

/**
 * Next.js refuses server action bodies over `experimental.serverActions.bodySizeLimit` (default 1 MB),
 * but it answers that with a 500 (an RSC error) after reading a megabyte. proxy.ts answers a declared
 * Content-Length over the same limit with 413 at once; a chunked body still meets Next.js's own check.
 */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

export function oversizedServerAction(method: string, headers: Headers): boolean {
  if (method !== "POST" || !headers.has("next-action")) return false;
  const declared = Number(headers.get("content-length") ?? 0);
  return declared > SERVER_ACTION_BODY_LIMIT_BYTES;
}

export function serverActionTooLargeResponse(): Response {
  return new Response("The form is larger than 1 MB, the most the portal accepts.", {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
