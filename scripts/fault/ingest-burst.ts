// A pipeline fleet reporting deployments as fast as it can (POST /api/v1/deployments), each report
// retried until acknowledged the way a pipeline retries: same body, same externalId, so a report whose
// answer was lost is answered 200 with the same id instead of being written twice. What matters for
// the fault scripts is the list of acknowledged reports: each one must be in the database afterwards.
import { request } from "./harness";

export type Acknowledgement = { externalId: string; id: string; status: number };

export type BurstResult = {
  acknowledged: Acknowledgement[];
  /** Attempts that got no answer (connection refused or reset, no response). */
  connectionFailures: number;
  /** 5xx answers (retried). */
  serverErrors: number;
  /** 4xx answers: a report was refused; should never happen here. */
  rejected: { status: number; body: string }[];
};

export type Burst = {
  acknowledgedCount: () => number;
  stop: () => Promise<BurstResult>;
};

// A pipeline's pause before retrying, so a fleet facing a dead port does not spin on two shared cores.
// Not a synchronisation: nothing waits for it to be long enough.
const RETRY_PAUSE_MS = 20;

export function startIngestBurst(options: { port: number; token: string; service: string; environment: string; runId: string; concurrency: number }): Burst {
  const result: BurstResult = { acknowledged: [], connectionFailures: 0, serverErrors: 0, rejected: [] };
  let stopping = false;
  let sequence = 0;

  const report = async (externalId: string): Promise<void> => {
    const now = new Date().toISOString();
    const body = JSON.stringify({
      service: options.service,
      environment: options.environment,
      version: externalId,
      externalId,
      status: "succeeded",
      startedAt: now,
      finishedAt: now,
      deployer: "fault-burst",
    });
    while (!stopping) {
      const answer = await request(options.port, "POST", "/api/v1/deployments", { headers: { authorization: `Bearer ${options.token}` }, body, timeoutMs: 15_000 });
      if (answer && (answer.status === 200 || answer.status === 201)) {
        result.acknowledged.push({ externalId, id: (JSON.parse(answer.body) as { id: string }).id, status: answer.status });
        return;
      }
      if (!answer) result.connectionFailures++;
      else if (answer.status >= 500) result.serverErrors++;
      else {
        result.rejected.push({ status: answer.status, body: answer.body.slice(0, 500) });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    }
  };

  const worker = async () => {
    while (!stopping) await report(`${options.runId}-${++sequence}`);
  };
  const workers = Array.from({ length: options.concurrency }, worker);

  return {
    acknowledgedCount: () => result.acknowledged.length,
    stop: async () => {
      stopping = true;
      await Promise.all(workers);
      return result;
    },
  };
}
