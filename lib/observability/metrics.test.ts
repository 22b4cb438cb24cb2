import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { testDb } from "../../test/helpers";
import { PrismaClient } from "../generated/prisma/client.ts";
import { refreshDatabaseGauges } from "./database-gauges";
import { metrics } from "./metrics";

async function value(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = metrics().registry.getSingleMetric(name);
  const { values } = await metric!.get();
  return values.find((entry) => Object.entries(labels).every(([key, wanted]) => entry.labels[key] === wanted))?.value;
}

describe("metrics", () => {
  it("reads the audit backlog and chain status from the database", async () => {
    await refreshDatabaseGauges(testDb(), metrics());
    expect(await value("runwell_database_up")).toBe(1);
    expect(await value("runwell_audit_unsealed_events")).toBeGreaterThanOrEqual(0);
    expect(await value("runwell_audit_oldest_unsealed_event_age_seconds")).toBeGreaterThanOrEqual(0);
    expect([-1, 0, 1]).toContain(await value("runwell_audit_chain_last_verification_ok"));
  });

  it("marks the database down when the gauges cannot be read", async () => {
    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: `postgresql://nobody:nothing@127.0.0.1:${port}/none` }) });
    try {
      await refreshDatabaseGauges(unreachable, metrics());
      expect(await value("runwell_database_up")).toBe(0);
    } finally {
      await unreachable.$disconnect();
    }
  });
});
