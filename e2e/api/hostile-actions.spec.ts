// Server actions are public endpoints: anyone can POST to one with its id (ids ship in the JavaScript).
// A field named `__proto__.x` once polluted Object.prototype in the server process and broke sign-in
// for everybody. This posts hostile fields and hostile bound arguments to every action of the built
// app, without a session and as a signed-in admin, then checks that the portal still answers.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, expect, test } from "../fixtures";

type ManifestEntry = { workers: Record<string, unknown>; exportedName?: string };
const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
  node: Record<string, ManifestEntry>;
};

// Actions whose whole effect needs no input: with a session they would simply do their job.
const RUNS_WITHOUT_INPUT = new Set(["markAllReadAction"]);
const SEGMENTS: Record<string, string> = { "[slug]": "checkout", "[service]": "checkout-api", "[runbook]": "checkout-latency-high", "[id]": "x", "[number]": "1" };

/** A page that serves the action: the action id is resolved against that page's worker. */
function pageFor(entry: ManifestEntry): string {
  const worker = Object.keys(entry.workers)[0]!;
  const parts = worker.replace(/^app\//, "").replace(/\/page$/, "").split("/").filter((part) => !/^\(.*\)$/.test(part));
  return "/" + parts.map((part) => SEGMENTS[part] ?? part).join("/");
}

const HOSTILE_OBJECT = { not: "" };
/** Argument lists as React encodes them: `$K1` is the FormData of the fields prefixed `_1_`. */
const ARGUMENT_SHAPES = [["$K1"], ["x", "$K1"], ["x", {}, "$K1"], [HOSTILE_OBJECT, "$K1"], [HOSTILE_OBJECT, HOSTILE_OBJECT, "$K1"], [HOSTILE_OBJECT, true, HOSTILE_OBJECT, "$K1"]];

function hostileForm(args: unknown[]): FormData {
  const form = new FormData();
  form.append("_1___proto__.polluted", "1");
  form.append("_1_constructor.prototype.polluted", "1");
  form.append("_1_links.0.__proto__.polluted", "1");
  form.append("0", JSON.stringify(args));
  return form;
}

async function postToEveryAction(request: APIRequestContext, skip: Set<string>): Promise<number> {
  let posts = 0;
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.exportedName && skip.has(entry.exportedName)) continue;
    for (const args of ARGUMENT_SHAPES) {
      const response = await request.post(pageFor(entry), {
        headers: { "Next-Action": id, accept: "text/x-component" },
        multipart: hostileForm(args),
        maxRedirects: 0,
      });
      expect(response.status(), `${entry.exportedName ?? id} with ${JSON.stringify(args)}`).toBeLessThan(500);
      posts++;
    }
  }
  return posts;
}

async function expectPortalAnswers(request: APIRequestContext) {
  expect((await request.get("/sign-in")).status()).toBe(200);
  const services = await request.get("/api/v1/services");
  expect(services.status(), await services.text()).toBe(200);
}

test("hostile fields posted to every server action without a session leave the portal working", async ({ apiAs }) => {
  test.setTimeout(180_000);
  expect(Object.keys(manifest.node).length).toBeGreaterThan(40);
  const anonymous = await apiAs(null);
  const posts = await postToEveryAction(anonymous, new Set());
  expect(posts).toBe(Object.keys(manifest.node).length * ARGUMENT_SHAPES.length);
  await expectPortalAnswers(await apiAs("engineer"));
});

test("hostile fields and bound arguments posted by a signed-in admin are refused and leave the portal working", async ({ apiAs }) => {
  test.setTimeout(180_000);
  const admin = await apiAs("admin");
  await postToEveryAction(admin, RUNS_WITHOUT_INPUT);
  await expectPortalAnswers(admin);
  // A fresh sign-in still works: next-auth builds plain objects, the first thing a polluted prototype breaks.
  const fresh = await apiAs(null);
  const csrf = (await (await fresh.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const signIn = await fresh.post("/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email: ACCOUNTS.engineer.email, password: DEMO_PASSWORD, json: "true" },
    maxRedirects: 0,
  });
  expect(signIn.status()).toBeLessThan(400);
  await expectPortalAnswers(fresh);
});
