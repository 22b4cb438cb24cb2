// What a list row says beyond its kind and points: owner, due date, links, and an improvement
// action's flags (overdue, stuck, a repeat of an earlier action, lead time).
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { BacklogItemView } from "@/lib/backlog/queries";
import { SOURCE_LABEL } from "./words";

const day = (at: Date) => at.toISOString().slice(0, 10);

export function ItemBadges({ item }: { item: BacklogItemView }) {
  const action = item.action;
  return (
    <>
      {SOURCE_LABEL[item.source] ? <span className="text-fg-muted">{SOURCE_LABEL[item.source]}</span> : null}
      {item.owner ? <span className="text-fg-muted">· {item.owner.name}</span> : null}
      {item.dueAt ? <span className="text-fg-muted">· due {day(item.dueAt)}</span> : null}
      {item.service ? <Link href={`/services/${item.service.slug}`} className="text-link hover:underline">· {item.service.name}</Link> : null}
      {item.incident ? <Link href={`/incidents/${item.incident.id}`} className="text-link hover:underline">· INC-{item.incident.number}</Link> : null}
      {action ? (
        <>
          <Badge tone="brand">Improvement action · PIR-{action.review.number}</Badge>
          {action.overdue ? <Badge tone="danger">Overdue</Badge> : null}
          {action.stuck ? <Badge tone="warning">Stuck: open {action.ageDays} days</Badge> : null}
          {action.leadTimeDays !== null ? <Badge tone="success">Lead time {action.leadTimeDays} days</Badge> : null}
          {action.repeatOf ? (
            "id" in action.repeatOf ? (
              <Link href={`/teams/${action.repeatOf.teamSlug}/backlog/items/${action.repeatOf.number}`}><Badge tone="warning">Repeat of BL-{action.repeatOf.number}</Badge></Link>
            ) : (
              <Badge tone="warning">Repeat of “{action.repeatOf.title}”</Badge>
            )
          ) : null}
          {action.repeatedBy.map((again) => (
            <Link key={again.id} href={`/teams/${again.teamSlug}/backlog/items/${again.number}`}><Badge tone="warning">Raised again as BL-{again.number}</Badge></Link>
          ))}
        </>
      ) : null}
    </>
  );
}
