// Two portals on one database, as two instances behind a load balancer: each runs the job runner.
// A production deployment reported to one of them notifies every change manager exactly once, an
// organisation webhook (added with the CLI) receives each of its events once, plus the one documented
// retry of an event its receiver first refused; and each scheduled job runs once per period across
// both (pg-boss's cron, not a timer per process).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { startReceiver, type Receiver } from "../../test/webhook-receiver";
import { withDatabase } from "../database";
import { expect, test } from "../fixtures";

const SERVICE = "checkout-api";
const SECOND_PORT = Number(process.env.E2E_PORT ?? 3100) + 41;
const SECOND = `http://localhost:${SECOND_PORT}`;
const databaseEnv = { DATABASE_URL: "", RUNWELL_DATA_DIR: process.env.E2E_DATA_DIR, RUNWELL_DB_PORT: process.env.E2E_DB_PORT ?? "55500" };

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

let second: ChildProcess | undefined;
let receiver: Receiver | undefined;
test.afterAll(() => receiver?.close());

test.beforeAll(async () => {
  test.setTimeout(120_000);
  expect(await answers(`${SECOND}/api/health`), `port ${SECOND_PORT} is taken`).toBe(false);
  second = spawn("npx", ["tsx", "scripts/serve.ts", "start"], { env: { ...process.env, ...databaseEnv, PORT: String(SECOND_PORT) }, stdio: "ignore", detached: true });
  await expect.poll(() => answers(`${SECOND}/api/health`), { timeout: 90_000, intervals: [250] }).toBe(true);
});

test.afterAll(async () => {
  if (!second?.pid) return;
  const exited = new Promise((resolve) => second!.once("exit", resolve));
  process.kill(-second.pid, "SIGTERM");
  await exited;
  await expect.poll(() => answers(`${SECOND}/api/health`), { timeout: 30_000, intervals: [250] }).toBe(false);
});

function cli(...args: string[]): string {
  const result = spawnSync("npm", ["run", "-s", "cli", "--", ...args], { encoding: "utf8", env: { ...process.env, ...databaseEnv } });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim().split("\n").at(-1)!;
}

const token = () => cli("token", "create", "--service", SERVICE, "--scopes", "deployments:write", "--name", `events ${Date.now()}`);

test("a production deployment notifies each change manager once and reaches the organisation webhook once, whichever instance works the events", async ({ baseURL }) => {
  test.setTimeout(90_000);
  receiver = await startReceiver("/hooks/two-instances");
  // The CLI prints the signing secret as its last line.
  const secret = cli("webhook", "add", "--org", "--url", receiver.url, "--events", "deployment.started,deployment.finished,deployment.flagged");
  expect(secret).toMatch(/^whsec_/);
  receiver.secrets.push(secret);
  // The first delivery is refused: the retry schedule sends it again 5 s later, from either instance.
  receiver.answers.push(500);
  const bearer = token();
  const externalId = `events-${Date.now()}`;
  const version = `7.${Date.now() % 1000}.0`;
  const startedAt = new Date().toISOString();
  const body = (status: string) => ({ service: SERVICE, environment: "production", version, externalId, status, startedAt });
  const started = await fetch(`${SECOND}/api/v1/deployments`, { method: "POST", headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" }, body: JSON.stringify(body("started")) });
  expect(started.status).toBe(201);
  const { id } = (await started.json()) as { id: string };
  const done = await fetch(`${baseURL}/api/v1/deployments`, { method: "POST", headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" }, body: JSON.stringify(body("succeeded")) });
  expect(done.status).toBe(200);

  await withDatabase(async (prisma) => {
    const managers = await prisma.person.findMany({ where: { role: "CHANGE_MANAGER", deactivatedAt: null }, select: { id: true } });
    const events = await prisma.domainEvent.findMany({ where: { entityId: id }, select: { id: true, seq: true, type: true } });
    expect(events.map((event) => event.type).sort()).toEqual(["deployment.finished", "deployment.flagged", "deployment.started"]);
    const last = events.reduce((max, event) => (event.seq > max ? event.seq : max), 0n);
    // Wait until the deployments subscriber has passed the events (drained by either instance).
    await expect
      .poll(async () => (await prisma.eventCursor.findUnique({ where: { subscriber: "notices:deployments" } }))?.lastSeq ?? 0n, { timeout: 30_000, intervals: [200] })
      .toBeGreaterThanOrEqual(last);
    const rows = await prisma.notification.groupBy({ by: ["eventId", "personId"], where: { eventId: { in: events.map((event) => event.id) } }, _count: { _all: true } });
    expect(rows).toHaveLength(events.length * managers.length);
    expect(rows.every((row) => row._count._all === 1)).toBe(true);

    // The webhook: every event delivered, each webhook-id received once, except the refused first
    // request, received twice (its documented retry). Other specs' deployments may reach this
    // organisation webhook too; the counts below are about this deployment's events.
    const ids = events.map((event) => event.id);
    const timesReceived = (id: string) => receiver!.received.filter((request) => request.id === id).length;
    await expect.poll(() => ids.filter((id) => timesReceived(id) > 0).length, { timeout: 45_000, intervals: [250] }).toBe(ids.length);
    await expect.poll(async () => prisma.webhookDelivery.count({ where: { eventId: { in: ids }, status: "DELIVERED", webhook: { url: receiver!.url } } }), { timeout: 30_000, intervals: [250] }).toBe(ids.length);
    const refused = receiver!.received[0]!.id;
    expect(receiver!.received.every((request) => request.verified), receiver!.received.find((request) => !request.verified)?.verifyError).toBe(true);
    const counts = Object.fromEntries(receiver!.received.map((request) => [request.id, timesReceived(request.id)]));
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((id) => [id, id === refused ? 2 : 1])));
    const deliveries = await prisma.webhookDelivery.findMany({ where: { eventId: { in: ids }, webhook: { url: receiver!.url } }, select: { eventId: true, attempts: true } });
    expect(deliveries.map((delivery) => delivery.attempts).sort()).toEqual(ids.map((id) => (id === refused ? 2 : 1)).sort());
  });
});

test("each scheduled job runs once per minute across both instances", async () => {
  test.setTimeout(200_000);
  const since = new Date();
  await withDatabase(async (prisma) => {
    type Row = { minute: Date; runs: bigint };
    const perMinute = () => prisma.$queryRaw<Row[]>`
      SELECT date_trunc('minute', created_on) AS minute, count(*) AS runs FROM pgboss.job
       WHERE name = 'schedule.audit-seal-backlog' AND created_on >= ${since} GROUP BY 1 ORDER BY 1`;
    // Two whole periods with both instances up.
    await expect.poll(async () => (await perMinute()).length, { timeout: 190_000, intervals: [1_000] }).toBeGreaterThanOrEqual(2);
    const rows = await perMinute();
    expect(rows.map((row) => Number(row.runs))).toEqual(rows.map(() => 1));
  });
});
