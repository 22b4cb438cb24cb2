// The first-load JavaScript benchmark's reading of a build (scripts/bench/first-load-js.ts): which
// chunks count for a page. A page loads the runtime, its layouts' and its own entry chunks; not the
// not-found or error boundaries, nor other pages' chunks.
import { describe, expect, it } from "vitest";
import { firstLoadChunks, routeOf, table } from "../scripts/bench/first-load-js";

const ENTRIES = {
  "[project]/app/layout": ["root.js"],
  "[project]/app/not-found": ["root.js", "not-found.js"],
  "[project]/app/forbidden": ["root.js", "not-found.js"],
  "[project]/node_modules/next/dist/client/components/builtin/global-error": ["root.js"],
  "[project]/app/(portal)/layout": ["root.js", "portal.js"],
  "[project]/app/(portal)/services/layout": ["root.js", "portal.js", "services-layout.js"],
  "[project]/app/(portal)/services/[slug]/edit/page": ["root.js", "portal.js", "edit.js"],
  "[project]/app/(portal)/servicesx/page": ["other.js"],
};

describe("first-load chunks of a page", () => {
  it("are the runtime, every layout on the page's path and the page", () => {
    expect(firstLoadChunks("/(portal)/services/[slug]/edit/page", ENTRIES, ["runtime.js"]).sort()).toEqual(
      ["edit.js", "portal.js", "root.js", "runtime.js", "services-layout.js"],
    );
  });

  it("leave out boundaries that only load when they render, and layouts of other folders", () => {
    const chunks = firstLoadChunks("/(portal)/services/[slug]/edit/page", ENTRIES, []);
    expect(chunks).not.toContain("not-found.js");
    expect(chunks).not.toContain("other.js");
  });

  it("name the page by its URL, route groups left out", () => {
    expect(routeOf("/(portal)/services/[slug]/edit/page")).toBe("/services/[slug]/edit");
    expect(routeOf("/(portal)/page")).toBe("/");
    expect(routeOf("/(auth)/sign-in/page")).toBe("/sign-in");
  });

  it("print over-budget pages in bold, with the earlier run beside them", () => {
    const output = table([{ route: "/a", chunks: 3, gzipBytes: 150_001 }, { route: "/b", chunks: 2, gzipBytes: 149_000 }], 150, [{ route: "/a", chunks: 3, gzipBytes: 155_500 }]);
    expect(output.split("\n").slice(2)).toEqual(["| `/a` | **155.5 kB** | **150.0 kB** | 3 |", "| `/b` | — | 149.0 kB | 2 |"]);
  });
});
