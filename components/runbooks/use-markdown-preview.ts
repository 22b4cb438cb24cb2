"use client";

import { useDeferredValue, useEffect, useState } from "react";

type Render = (markdown: string) => string;

/**
 * The editor's live preview. It opens with the server's rendering of the text the page was served with;
 * the renderer itself (unified, remark, rehype and highlight.js: about 100 kB gzipped) is fetched on the
 * first edit, so opening an editor does not download it. Until it arrives the last preview stays.
 */
export function useMarkdownPreview(body: string, initial: { body: string; html: string }): string {
  const deferred = useDeferredValue(body);
  const [render, setRender] = useState<Render | null>(null);
  const edited = deferred !== initial.body;
  useEffect(() => {
    if (!edited || render) return;
    let current = true;
    void import("@/lib/runbooks/render-markdown").then((module) => {
      if (current) setRender(() => module.renderMarkdown);
    });
    return () => {
      current = false;
    };
  }, [edited, render]);
  return edited && render ? render(deferred) : initial.html;
}
