// readJson's body limit: a declared Content-Length and a chunked stream are both refused past the limit,
// and a refused stream is not read to its end.
import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { apiError, MAX_JSON_BODY_BYTES, readJson } from "./handle-api";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/deployments", { method: "POST", body, headers, duplex: "half" } as RequestInit);

/** A chunked body of `chunks` × 64 kB that counts how many chunks were pulled from it. */
function countingStream(chunks: number) {
  const state = { pulled: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled += 1;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readJson", () => {
  it("parses a JSON body up to the limit", async () => {
    const body = JSON.stringify({ padding: "x".repeat(MAX_JSON_BODY_BYTES - 20) });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(MAX_JSON_BODY_BYTES);
    await expect(readJson(post(body, { "content-length": String(Buffer.byteLength(body)) }))).resolves.toMatchObject({});
  });

  it("refuses a declared Content-Length over the limit before reading anything", async () => {
    const { stream, state } = countingStream(4000);
    const error = await errorOf(readJson(post(stream, { "content-length": String(200 * 1024 * 1024) })));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(1);
  });

  it("refuses a chunked body once it passes the limit, without reading the rest (200 MB)", async () => {
    const { stream, state } = countingStream(3200); // 200 MB
    const error = await errorOf(readJson(post(stream)));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    // 1 MB is 16 chunks; the stream may have one more pulled ahead.
    expect(state.pulled).toBeLessThan(20);
  });

  it("answers 413 as JSON naming the limit", async () => {
    const response = apiError(await errorOf(readJson(post("{}", { "content-length": String(MAX_JSON_BODY_BYTES + 1) }))));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/larger than 1 MB/) } });
  });

  it("still answers malformed JSON with 400", async () => {
    expect((await errorOf(readJson(post("{not json")))).code).toBe("BAD_REQUEST");
  });
});
