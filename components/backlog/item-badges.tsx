// What a row says beyond its kind and points: owner, due date, links, and an improvement action's
// flags (overdue, stuck, a repeat of an earlier action, lead time). Plain data, so a long list sends
// the client a few strings per item, not a rendered tree.
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { BacklogItemView } from "@/lib/backlog/queries";
import { SOURCE_LABEL } from "./words";

export type ItemTag = { text: string; tone?: BadgeTone; href?: string };

const day = (at: Date) => at.toISOString().slice(0, 10);
const itemHref = (teamSlug: string, number: number) => `/teams/${teamSlug}/backlog/items/${number}`;

export function itemTags(item: BacklogItemView): ItemTag[] {
  const tags: ItemTag[] = [];
  if (SOURCE_LABEL[item.source]) tags.push({ text: SOURCE_LABEL[item.source]! });
  if (item.owner) tags.push({ text: item.owner.name });
  if (item.dueAt) tags.push({ text: `due ${day(item.dueAt)}` });
  if (item.service) tags.push({ text: item.service.name, href: `/services/${item.service.slug}` });
  if (item.incident) tags.push({ text: `INC-${item.incident.number}`, href: `/incidents/${item.incident.id}` });
  const action = item.action;
  if (action) {
    tags.push({ text: `Improvement action · PIR-${action.review.number}`, tone: "brand" });
    if (action.overdue) tags.push({ text: "Overdue", tone: "danger" });
    if (action.stuck) tags.push({ text: `Stuck: open ${action.ageDays} days`, tone: "warning" });
    if (action.leadTimeDays !== null) tags.push({ text: `Lead time ${action.leadTimeDays} days`, tone: "success" });
    if (action.repeatOf) {
      tags.push("id" in action.repeatOf
        ? { text: `Repeat of BL-${action.repeatOf.number}`, tone: "warning", href: itemHref(action.repeatOf.teamSlug, action.repeatOf.number) }
        : { text: `Repeat of “${action.repeatOf.title}”`, tone: "warning" });
    }
    for (const again of action.repeatedBy) tags.push({ text: `Raised again as BL-${again.number}`, tone: "warning", href: itemHref(again.teamSlug, again.number) });
  }
  return tags;
}

/** Tags as badges (a tone) or muted words (none), linked where they name a page. */
export function ItemTags({ tags }: { tags: readonly ItemTag[] }) {
  return (
    <>
      {tags.map((tag, index) => {
        const body = tag.tone ? <Badge tone={tag.tone}>{tag.text}</Badge> : <span className="text-fg-muted">· {tag.text}</span>;
        return tag.href ? <Link key={index} href={tag.href} className="hover:underline">{body}</Link> : <span key={index}>{body}</span>;
      })}
    </>
  );
}

export function ItemBadges({ item }: { item: BacklogItemView }) {
  return <ItemTags tags={itemTags(item)} />;
}
