import "./runbook-markdown.css";
import { cx } from "@/components/ui/cx";

/** Shows HTML from renderMarkdown (sanitised by rehype-sanitize before it gets here, never raw input). */
export function MarkdownView({ html, className, label }: { html: string; className?: string; label?: string }) {
  return <div aria-label={label} className={cx("runbook-markdown", className)} dangerouslySetInnerHTML={{ __html: html }} />;
}
