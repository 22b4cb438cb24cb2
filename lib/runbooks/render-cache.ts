// Server-side cache of rendered runbooks. A runbook is read far more often than it is saved (and
// most at 3 a.m. during an incident), so each distinct text is rendered and sanitised once per
// process and then served from memory. Keyed by a hash of the text: a new revision is a new key.
import { createHash } from "node:crypto";
import { renderMarkdown } from "./render-markdown";

const MAX_ENTRIES = 500;
const cache = new Map<string, string>();

export function renderMarkdownCached(markdown: string): string {
  const key = createHash("sha256").update(markdown).digest("base64url");
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Re-insert to mark as most recently used (Map keeps insertion order).
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const html = renderMarkdown(markdown);
  cache.set(key, html);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return html;
}
