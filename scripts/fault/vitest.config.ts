// The short form of the fault scripts and the launcher's tests against the built app: `npm run test:fault`,
// a step of `npm test` after the production build. Each test file starts its own portal (launcher,
// embedded PostgreSQL in a temporary directory), so there is no shared database set-up here.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("../..", import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: {
    include: ["scripts/fault/**/*.test.ts"],
    pool: "forks",
    // One file at a time: each runs a portal and a load generator on a machine with two cores.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
