// Markdown → safe HTML, on the server for pages and in the browser for the editor's live preview.
// Order matters: raw HTML in the markdown is dropped by remark-rehype (no allowDangerousHtml), then
// rehype-sanitize (GitHub's schema) cleans what markdown itself can produce (e.g. javascript: links).
// Only after that do our own trusted plugins add heading ids, anchor links and highlight classes,
// so the sanitiser never has to allow classes or ids that an author could forge.
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeHighlight from "rehype-highlight";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { rehypeLabelTaskCheckboxes } from "./label-task-checkboxes";

// GitHub's schema, plus the language class on code blocks that rehype-highlight reads.
const schema: SanitizeSchema = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-[\w-]+$/] as [string, RegExp]],
  },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeLabelTaskCheckboxes)
  .use(rehypeSlug)
  .use(rehypeAutolinkHeadings, { behavior: "append", properties: { className: ["heading-anchor"], ariaHidden: "true", tabIndex: -1 }, content: { type: "text", value: "#" } })
  .use(rehypeHighlight, { detect: false, ignoreMissing: true })
  .use(rehypeStringify)
  .freeze();

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}
