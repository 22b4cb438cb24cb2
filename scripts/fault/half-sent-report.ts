// A request in flight across a SIGTERM: headers and half the body sent, the rest on demand.
import http from "node:http";
import { FAULT_ENVIRONMENT, FAULT_SERVICE, type FaultPortal } from "./portal";

/**
 * Sends a deployment report's headers with `Expect: 100-continue` and, once the server answers
 * 100 Continue (it has taken the request: a drain must now finish it), half the body. `finish()`
 * sends the rest.
 */
export function halfSentReport(portal: FaultPortal) {
  const now = new Date().toISOString();
  const body = JSON.stringify({ service: FAULT_SERVICE, environment: FAULT_ENVIRONMENT, version: "drain-1", externalId: `drain-${Date.now()}`, status: "succeeded", startedAt: now, finishedAt: now });
  let markTaken!: () => void;
  let finish = () => {};
  const taken = new Promise<void>((resolve) => (markTaken = resolve));
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const outgoing = http.request(
      {
        host: "127.0.0.1",
        port: portal.port,
        method: "POST",
        path: "/api/v1/deployments",
        agent: false,
        headers: { authorization: `Bearer ${portal.token}`, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), expect: "100-continue" },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, body: text }));
      },
    );
    outgoing.on("error", reject);
    outgoing.on("continue", () => {
      outgoing.write(body.slice(0, body.length / 2));
      markTaken();
    });
    outgoing.flushHeaders();
    finish = () => outgoing.end(body.slice(body.length / 2));
  });
  return { taken, answer, finish: () => finish() };
}
