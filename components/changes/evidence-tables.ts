// The evidence pack's tables, each wrapped in a region named after the heading above it, focusable so
// a keyboard can scroll it sideways on a phone (the HTML comes sanitised from renderMarkdown).
const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
const textOf = (html: string) => html.replace(/<[^>]*>/g, "").replace(/&amp;/g, "&").trim();

export function wrapEvidenceTables(html: string): string {
  let heading = "Table";
  return html.replace(/<h[23][^>]*>([\s\S]*?)<\/h[23]>|<table>[\s\S]*?<\/table>/g, (match, title: string | undefined) => {
    if (title !== undefined) {
      heading = textOf(title) || heading;
      return match;
    }
    return `<div class="evidence-scroll" role="region" tabindex="0" aria-label="${escapeAttribute(heading)}">${match}</div>`;
  });
}
