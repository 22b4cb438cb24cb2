// A process that imports the embedded PostgreSQL keeps its exit code. The library registers an exit
// hook that used to turn every exit into exit(0): vitest's failures and the CLI's errors passed as
// success (lib/runtime/embedded-postgres.ts).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("exit codes", () => {
  it("survive importing the embedded PostgreSQL", () => {
    const script = `await import("./lib/runtime/embedded-postgres.ts"); process.exitCode = 3;`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    expect(child.stderr).toBe("");
    expect(child.status).toBe(3);
  });
});
