// The hook on Node's HTTP server, with a plain http.Server in place of Next's.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { until } from "../../scripts/fault/harness";
import { installHttpObserver } from "./http-observer";
import { metrics } from "./metrics";
import { currentRequestId } from "./request-context";

let server: http.Server;
let port: number;

beforeAll(async () => {
  installHttpObserver((pathname) => (pathname.startsWith("/items/") ? "/items/[id]" : "(unmatched)"));
  server = http.createServer((request, response) => {
    // Work after an await still sees the request's id (as Next's handlers do).
    void Promise.resolve().then(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      response.statusCode = request.url === "/items/broken" ? 500 : 200;
      response.end(JSON.stringify({ seen: currentRequestId(), header: request.headers["x-request-id"] }));
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

function ask(urlPath: string, headers: Record<string, string> = {}): Promise<{ status: number; id: string | undefined; body: { seen: string; header: string } }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: urlPath, headers, agent: false }, (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, id: response.headers["x-request-id"] as string | undefined, body: JSON.parse(body) }));
      })
      .on("error", reject);
  });
}

async function count(labels: Record<string, string>): Promise<number> {
  const { values } = await metrics().httpDuration.get();
  return values.find((entry) => entry.metricName?.endsWith("_count") && Object.entries(labels).every(([key, wanted]) => (entry.labels as Record<string, string | number | undefined>)[key] === wanted))?.value ?? 0;
}

describe("the HTTP observer", () => {
  it("gives a request a new id, in the response header, the request's headers and its async context", async () => {
    const answer = await ask("/items/1");
    expect(answer.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body).toEqual({ seen: answer.id, header: answer.id });
  });

  it("keeps a sane incoming id and replaces one that is not", async () => {
    expect((await ask("/items/1", { "x-request-id": "lb-7f3a" })).id).toBe("lb-7f3a");
    const replaced = await ask("/items/1", { "x-request-id": "has spaces" });
    expect(replaced.id).not.toBe("has spaces");
    expect(replaced.body.seen).toBe(replaced.id);
  });

  it("times requests by route pattern, method and status", async () => {
    const before = { ok: await count({ route: "/items/[id]", method: "GET", status: "200" }), failed: await count({ route: "/items/[id]", method: "GET", status: "500" }) };
    await ask("/items/2");
    await ask("/items/3?x=1");
    await ask("/items/broken");
    await ask("/elsewhere");
    // A request is counted when the server side of its response closes, which can be just after the client read it.
    await until("the four requests to be counted", async () => (await count({ route: "(unmatched)", method: "GET", status: "200" })) >= 1 && (await count({ route: "/items/[id]", method: "GET", status: "500" })) > before.failed);
    await until("both successes to be counted", async () => (await count({ route: "/items/[id]", method: "GET", status: "200" })) === before.ok + 2, 5_000);
    expect(await count({ route: "/items/[id]", method: "GET", status: "500" })).toBe(before.failed + 1);
  });
});
