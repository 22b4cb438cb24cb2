#!/usr/bin/env node
// Runs the Prisma CLI offline: engine paths point at an empty file so it never tries a download,
// and a preload unrefs the WASM engine's long timer so commands exit at once.
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stub = path.join(root, "node_modules", ".cache", "runwell", "no-engine");
if (!existsSync(stub)) {
  mkdirSync(path.dirname(stub), { recursive: true });
  writeFileSync(stub, "");
}
const env = {
  ...process.env,
  // generate needs a syntactically valid URL even though it never connects.
  DATABASE_URL: process.env.DATABASE_URL || "postgresql://localhost:5432/unused",
  PRISMA_QUERY_ENGINE_LIBRARY: stub,
  PRISMA_SCHEMA_ENGINE_BINARY: stub,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(root, "scripts", "unref-long-timers.cjs")}`.trim(),
};
const result = spawnSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), ...process.argv.slice(2)], {
  cwd: root,
  env,
  stdio: "inherit",
});
process.exit(result.status ?? 1);
