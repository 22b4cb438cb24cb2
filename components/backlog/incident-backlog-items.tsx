// On an incident's page: the backlog items that came from it or link to it (its LOW-impact
// follow-up, its review's actions).
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import { STATUS_LABEL, SOURCE_LABEL } from "./words";

type Item = { id: string; number: number; title: string; status: string; source: string; team: { slug: string; name: string } };

export function IncidentBacklogItems({ items }: { items: Item[] }) {
  if (items.length === 0) return null;
  return (
    <Card aria-labelledby="backlog-items-title">
      <CardHeader titleId="backlog-items-title" title="Backlog items" description="Work in a team's backlog that follows from this incident." />
      <CardContent>
        <ul className="space-y-1 text-sm" data-testid="incident-backlog-items">
          {items.map((item) => (
            <li key={item.id}>
              <TextLink href={`/teams/${item.team.slug}/backlog/items/${item.number}`}>BL-{item.number} {item.title}</TextLink>
              <span className="text-fg-muted"> · {item.team.name} · {STATUS_LABEL[item.status]}{SOURCE_LABEL[item.source] ? ` · ${SOURCE_LABEL[item.source]}` : ""}</span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
