// A local HTTP receiver for webhook tests (vitest and Playwright): it verifies every request's
// Standard Webhooks signature with the standardwebhooks package, keeps what it received, and answers
// with the status codes it is told to (then 200).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = { id: string; timestamp: string; body: string; headers: Record<string, string>; verified: boolean; verifyError?: string };

export type Receiver = {
  url: string;
  received: Received[];
  /** Status codes to answer with, first to last; 200 once they run out. */
  answers: number[];
  /** The secrets to verify with (added as webhooks are made); a request passes if one verifies it. */
  secrets: string[];
  close: () => Promise<void>;
};

export async function startReceiver(path = "/hooks/runwell"): Promise<Receiver> {
  const receiver: Omit<Receiver, "url" | "close"> = { received: [], answers: [], secrets: [] };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));
      let verified = false;
      let verifyError: string | undefined;
      try {
        if (receiver.secrets.length === 0) throw new Error("the receiver has no secret yet");
        verified = receiver.secrets.some((secret) => {
          try {
            new Webhook(secret).verify(body, headers);
            return true;
          } catch (error) {
            verifyError = error instanceof Error ? error.message : String(error);
            return false;
          }
        });
        if (verified) verifyError = undefined;
      } catch (error) {
        verifyError = error instanceof Error ? error.message : String(error);
      }
      receiver.received.push({ id: headers["webhook-id"] ?? "", timestamp: headers["webhook-timestamp"] ?? "", body, headers, verified, verifyError });
      const status = receiver.answers.shift() ?? 200;
      response.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "receiver says no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as Receiver;
}
