// Unit tests beside the code and integration tests against a fresh PostgreSQL per run (test/global-setup.ts).
// Playwright specs live in e2e/ and have their own runner.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    include: ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "test/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", ".next/**", ".data/**"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup-database-env.ts"],
    // Child processes, not threads: each worker gets its own Prisma client and pg pool.
    pool: "forks",
    // Database tests hash passwords and run many transactions; keep slow machines from flaking.
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
