import { describe, expect, it } from "vitest";
import { wrapEvidenceTables } from "./evidence-tables";

describe("wrapEvidenceTables", () => {
  it("wraps each table in a focusable region named after the heading above it", () => {
    const html = '<h2 id="a">Approvals</h2><p>x</p><h2>Audit &amp; "events"</h2><table><tr><td>1</td></tr></table><p>after</p>';
    expect(wrapEvidenceTables(html)).toBe('<h2 id="a">Approvals</h2><p>x</p><h2>Audit &amp; "events"</h2><div class="evidence-scroll" role="region" tabindex="0" aria-label="Audit &amp; &quot;events&quot;"><table><tr><td>1</td></tr></table></div><p>after</p>');
  });
  it("names a table without a heading plainly", () => {
    expect(wrapEvidenceTables("<table></table>")).toContain('aria-label="Table"');
  });
});
