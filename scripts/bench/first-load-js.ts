// `npm run -s bench:first-load-js` (after `npm run -s build`): the JavaScript a browser must fetch to show
// each page of the production build, gzipped, as a table. Options:
//   --max 150          exit 1 when a page is above 150 kB (the budget of docs/PERFORMANCE.md)
//   --json FILE        also save the measurements, e.g. before a change
//   --compare FILE     add a "before" column from such a file
//   --write            rewrite the table in docs/PERFORMANCE.md (<!-- bench:first-load-js:start --> … end)
//
// Turbopack's `next build` no longer prints "First Load JS", so this reads what the server sends instead:
// for an App Router page the browser loads the root main files (.next/build-manifest.json: the React and
// Next runtime) and the entry chunks of every layout on the page's path and of the page itself
// (entryJSFiles of the page's client-reference manifest). Chunks loaded later by next/dynamic or
// import() are not in those lists, which is exactly what "first load" means.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export type PageChunks = { route: string; chunks: string[] };

/** "/(portal)/services/[slug]/page" → "/services/[slug]" (route groups are not in the URL). */
export function routeOf(pageKey: string): string {
  const segments = pageKey.replace(/\/page$/, "").split("/").filter((segment) => segment && !/^\(.*\)$/.test(segment));
  return `/${segments.join("/")}`;
}

/**
 * The first-load chunks of one page from its client-reference manifest's entryJSFiles: the root layout,
 * each nested layout on its path and the page. Boundaries (not-found, forbidden, global-error) only load
 * when they render, so they do not count.
 */
export function firstLoadChunks(pageKey: string, entryJSFiles: Record<string, string[]>, rootMainFiles: readonly string[]): string[] {
  const dir = pageKey.replace(/\/page$/, "");
  const onPath = (entry: string): boolean => {
    const name = entry.replace(/^\[project\]\/app/, "");
    if (name === `${dir}/page`) return true;
    if (!name.endsWith("/layout")) return false;
    const layoutDir = name.replace(/\/layout$/, "");
    return layoutDir === "" || dir === layoutDir || dir.startsWith(`${layoutDir}/`);
  };
  const chunks = new Set<string>(rootMainFiles);
  for (const [entry, files] of Object.entries(entryJSFiles)) if (onPath(entry)) for (const file of files) chunks.add(file);
  return [...chunks];
}

function findManifests(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...findManifests(full));
    else if (name === "page_client-reference-manifest.js") found.push(full);
  }
  return found;
}

type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

/** Every page of a build (`.next`), with its first-load chunks. Route handlers have no client manifest of their kind. */
export function pagesOfBuild(buildDir: string): PageChunks[] {
  const buildManifest = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const pages: PageChunks[] = [];
  for (const file of findManifests(path.join(buildDir, "server", "app"))) {
    // The manifest is a script that assigns to globalThis.__RSC_MANIFEST[pageKey]; run it in a scope of its own.
    const scope: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
    new Function("globalThis", readFileSync(file, "utf8"))(scope);
    for (const [pageKey, manifest] of Object.entries(scope.__RSC_MANIFEST ?? {})) {
      if (pageKey.startsWith("/_")) continue; // Next's own error pages
      pages.push({ route: routeOf(pageKey), chunks: firstLoadChunks(pageKey, manifest.entryJSFiles ?? {}, buildManifest.rootMainFiles) });
    }
  }
  return pages.sort((a, b) => a.route.localeCompare(b.route));
}

export type PageSize = { route: string; chunks: number; gzipBytes: number };

export function measure(buildDir: string, pages: readonly PageChunks[]): PageSize[] {
  const sizes = new Map<string, number>();
  const gzipSize = (chunk: string) => {
    let size = sizes.get(chunk);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(buildDir, chunk)), { level: 9 }).length;
      sizes.set(chunk, size);
    }
    return size;
  };
  return pages.map((page) => ({ route: page.route, chunks: page.chunks.length, gzipBytes: page.chunks.reduce((sum, chunk) => sum + gzipSize(chunk), 0) }));
}

/** kB as Next and bundle analysers print them: 1 kB = 1,000 bytes. */
export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The table for docs/PERFORMANCE.md; `before` (an earlier run's --json) adds a column to compare with. Over budget in bold. */
export function table(rows: readonly PageSize[], maxKb: number, before?: readonly PageSize[]): string {
  const shown = (bytes: number | undefined) => (bytes === undefined ? "—" : bytes > maxKb * 1000 ? `**${kB(bytes)}**` : kB(bytes));
  const earlier = new Map(before?.map((row) => [row.route, row.gzipBytes]));
  const lines = before
    ? ["| page | before | after | chunks |", "|---|---:|---:|---:|"]
    : ["| page | first-load JS (gzip) | chunks |", "|---|---:|---:|"];
  for (const row of rows) {
    lines.push(before
      ? `| \`${row.route}\` | ${shown(earlier.get(row.route))} | ${shown(row.gzipBytes)} | ${row.chunks} |`
      : `| \`${row.route}\` | ${shown(row.gzipBytes)} | ${row.chunks} |`);
  }
  return lines.join("\n");
}

const START = "<!-- bench:first-load-js:start -->";
const END = "<!-- bench:first-load-js:end -->";

function main() {
  const args = process.argv.slice(2);
  const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const maxKb = Number(option("--max") ?? 150);
  const buildDir = path.resolve(process.env.NEXT_BUILD_DIR ?? ".next");
  const rows = measure(buildDir, pagesOfBuild(buildDir));
  const jsonOut = option("--json");
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(rows, null, 1));
  const compare = option("--compare");
  const output = table(rows, maxKb, compare ? (JSON.parse(readFileSync(compare, "utf8")) as PageSize[]) : undefined);
  console.log(output);
  const over = rows.filter((row) => row.gzipBytes > maxKb * 1000);
  const largest = rows.reduce((max, row) => Math.max(max, row.gzipBytes), 0);
  console.log(`\n${rows.length} pages; largest ${kB(largest)}; budget ${maxKb} kB; ${over.length} over.`);
  if (args.includes("--write")) {
    const doc = path.resolve("docs/PERFORMANCE.md");
    const text = readFileSync(doc, "utf8");
    const section = `${START}\nMeasured ${new Date().toISOString().slice(0, 16)}Z from \`.next\` (build ${readFileSync(path.join(buildDir, "BUILD_ID"), "utf8").trim()}), gzip level 9.\n\n${output}\n${END}`;
    if (!text.includes(START)) throw new Error(`docs/PERFORMANCE.md has no ${START} section`);
    writeFileSync(doc, text.replace(new RegExp(`${START}[\\s\\S]*?${END}`), section));
  }
  if (args.includes("--max") && over.length) {
    console.error(`Over ${maxKb} kB: ${over.map((row) => `${row.route} (${kB(row.gzipBytes)})`).join(", ")}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
