// GitHub-flavoured task lists ("- [ ] Roll back") render as a disabled checkbox beside the item's
// text, with no label: screen readers announce "checkbox, not checked" and nothing else (axe: critical).
// This trusted rehype step, run after sanitising, names each checkbox after its item's own text.
type Node = { type: string; tagName?: string; value?: string; properties?: Record<string, unknown>; children?: Node[] };

function ownText(node: Node): string {
  if (node.type === "text") return node.value ?? "";
  if (node.tagName === "ul" || node.tagName === "ol") return ""; // a nested list is its items' own text
  return (node.children ?? []).map(ownText).join("");
}

function visit(node: Node): void {
  if (node.tagName === "li") {
    const box = node.children?.find((child) => child.tagName === "input" && child.properties?.type === "checkbox");
    if (box) {
      const label = ownText(node).replace(/\s+/g, " ").trim();
      box.properties = { ...box.properties, ariaLabel: label || "Task" };
    }
  }
  for (const child of node.children ?? []) visit(child);
}

export function rehypeLabelTaskCheckboxes() {
  return (tree: Node) => visit(tree);
}
