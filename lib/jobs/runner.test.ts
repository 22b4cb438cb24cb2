// The real job runner (pg-boss on the test database) with a subscriber of the test's own: an event
// reaches it through LISTEN/NOTIFY and the drain queue; a handler that keeps throwing is retried and
// then kept as a failed job, listed for admins and run again from there. No cron schedules here: they
// would sweep other test files' rows.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminActor, personActor, testDb } from "../../test/helpers";
import type { DomainEventRecord } from "../events/catalogue";
import { emitEvent } from "../events/emit";
import type { Subscriber } from "../events/subscribers";
import { listQueues, retryFailedJob } from "./failed-jobs";
import { startJobRunner, type JobRunner } from "./runner";

const db = testDb;
const entity = randomUUID();
const seen: string[] = [];
let broken = false;
const subscriber: Subscriber = {
  name: `test:runner:${entity}`,
  types: ["webhook.test"],
  async handle(event: DomainEventRecord) {
    if (event.entityId !== entity) return;
    const message = (event.payload as { message: string }).message;
    if (broken && message === "poison") throw new Error("this handler is broken");
    seen.push(message);
  },
};
let runner: JobRunner;

beforeAll(async () => {
  runner = await startJobRunner(db(), { subscribers: [subscriber], schedules: false, retry: { retryLimit: 1, retryDelay: 0 } });
});
afterAll(() => runner.stop());

const emit = (message: string) => db().$transaction((tx) => emitEvent(tx, "webhook.test", { entityType: "Test", entityId: entity }, { message }));
const until = async (condition: () => Promise<boolean> | boolean) => {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met within 20 s");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe("the job runner", () => {
  it("delivers a committed event to its subscriber without being asked", async () => {
    await emit("hello");
    await until(() => seen.includes("hello"));
  });

  it("retries a handler that throws, keeps it as a failed job an admin sees, and runs it again on request", async () => {
    broken = true;
    await emit("poison");
    // Other files emit into the shared outbox meanwhile, which can start another drain of this
    // subscriber that fails too; the one to look at is a drain that used up its retry.
    const failedDrain = async () =>
      (await listQueues(db(), adminActor())).failed.find((job) => job.queue === "events.drain" && (job.data as { subscriber?: string }).subscriber === subscriber.name && job.retries >= 1);
    await until(async () => Boolean(await failedDrain()));
    const failed = (await failedDrain())!;
    expect(failed.error).toContain("this handler is broken");
    expect(failed.retries).toBe(1);
    expect(seen).not.toContain("poison");
    await expect(listQueues(db(), personActor({ role: "ENGINEER" }))).rejects.toMatchObject({ code: "FORBIDDEN" });

    broken = false;
    await retryFailedJob(db(), adminActor(), { queue: failed.queue, id: failed.id });
    await until(() => seen.includes("poison"));
    expect((await db().auditEvent.findMany({ where: { action: "job.retry", entityId: `events.drain:${failed.id}` } })).length).toBe(1);
  });
});
