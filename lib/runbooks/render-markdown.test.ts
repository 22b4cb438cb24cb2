// Sanitising is tested with real XSS payloads (OWASP filter-evasion cheat sheet, PortSwigger's
// XSS cheat sheet, and classic markdown-specific vectors): none may leave anything executable.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./render-markdown";

const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<img src="javascript:alert(1)">',
  "<svg/onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<body onload=alert(1)>",
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<details open ontoggle=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel=import href="https://evil.example/x.html">',
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click](  javascript:alert(1)  )",
  "[click](java\tscript:alert(1))",
  "[click](vbscript:msgbox(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![img](javascript:alert(1))",
  '![img](x" onerror="alert(1))',
  "[ref]: javascript:alert(1)\n\n[click][ref]",
  "<javascript:alert(1)>",
  '<a href="#" onclick="alert(1)">x</a>',
  "``` onload=alert(1)\ncode\n```",
  "```js\" onmouseover=\"alert(1)\ncode\n```",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<x onmouseover=alert(1)>hover</x>",
];

// What must never appear in the output: executable tags, event handlers or script URLs inside a tag
// (the same characters as escaped text are harmless).
const DANGEROUS = [/<script/i, /<iframe/i, /<object/i, /<embed/i, /<svg/i, /<math/i, /<style/i, /<meta/i, /<base/i, /<link/i, /<form/i, /<[a-z][^>]*\son[a-z]+\s*=/i, /<[a-z][^>]*(href|src|action|data)\s*=\s*"?\s*(javascript|vbscript|data):/i];

describe("renderMarkdown sanitising", () => {
  it.each(PAYLOADS)("neutralises %s", (payload) => {
    const html = renderMarkdown(`Before\n\n${payload}\n\nAfter`);
    for (const pattern of DANGEROUS) expect(html).not.toMatch(pattern);
    expect(html).toContain("Before");
  });
});

describe("renderMarkdown GitHub-flavoured features", () => {
  it("renders tables", () => {
    const html = renderMarkdown("| a | b |\n| --- | --- |\n| 1 | 2 |");
    expect(html).toContain("<table>");
    expect(html).toContain("<td>1</td>");
  });

  it("renders task lists as disabled checkboxes", () => {
    const html = renderMarkdown("- [x] done\n- [ ] todo");
    expect(html).toMatch(/<input type="checkbox" checked disabled aria-label="done">/);
    expect(html).toMatch(/<input type="checkbox" disabled aria-label="todo">/);
  });

  it("gives headings ids and anchor links", () => {
    const html = renderMarkdown("## Roll back a release");
    expect(html).toContain('<h2 id="roll-back-a-release">');
    expect(html).toContain('href="#roll-back-a-release"');
  });

  it("highlights code blocks by language", () => {
    const html = renderMarkdown("```sh\nkubectl get pods # list\n```");
    expect(html).toContain('class="hljs language-sh"');
    expect(html).toContain('<span class="hljs-comment"># list</span>');
  });

  it("keeps safe links, strikethrough and autolinks", () => {
    const html = renderMarkdown("[dash](https://grafana.example/d/1) ~~old~~ https://status.example.com");
    expect(html).toContain('href="https://grafana.example/d/1"');
    expect(html).toContain("<del>old</del>");
    expect(html).toContain('href="https://status.example.com"');
  });
});

describe("renderMarkdownCached", () => {
  it("returns the same sanitised HTML as renderMarkdown, for each distinct text", async () => {
    const { renderMarkdownCached } = await import("./render-cache");
    for (const text of ["# One", "# Two <script>alert(1)</script>", "# One"]) {
      expect(renderMarkdownCached(text)).toBe(renderMarkdown(text));
    }
  });
});

describe("task lists", () => {
  it("names each task's checkbox after its text, so screen readers say what it is", () => {
    const html = renderMarkdown("- [ ] Roll back the **last** deployment\n- [x] Scale out\n  - [ ] nested step");
    expect(html).toContain('aria-label="Roll back the last deployment"');
    expect(html).toContain('aria-label="Scale out"');
    expect(html).toContain('aria-label="nested step"');
  });
});
