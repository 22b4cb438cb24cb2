import type { Prisma } from "../generated/prisma/client.ts";
import type { EventHandlerContext } from "../events/subscribers";
import type { QueueName } from "./definitions";
import { inTransaction, queue } from "./queue";

/** Queues a job inside a Prisma transaction: it exists only if the transaction commits. */
export function enqueueIn(tx: Prisma.TransactionClient): EventHandlerContext["enqueue"] {
  return async (name, data, options) => {
    const boss = await queue();
    await boss.send(name as QueueName, data, { db: inTransaction(tx), singletonKey: options?.singletonKey, startAfter: options?.startAfter });
  };
}

/** Queues a job now (outside any transaction), e.g. "send again" or a wake-up. */
export async function enqueue(name: QueueName, data: object, options?: { singletonKey?: string }): Promise<string | null> {
  const boss = await queue();
  return boss.send(name, data, { singletonKey: options?.singletonKey });
}
