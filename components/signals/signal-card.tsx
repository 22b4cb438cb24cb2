import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";

/** One anti-pattern: whether it shows, what it means, and its evidence. */
export function SignalCard({ id, title, description, showing, summary, children }: { id: string; title: string; description: string; showing: boolean; summary: string; children?: ReactNode }) {
  return (
    <Card aria-labelledby={`${id}-title`} data-signal={id}>
      <CardHeader titleId={`${id}-title`} title={title} description={description}
        actions={showing ? <Badge tone="warning">Showing</Badge> : <Badge tone="success">Not showing</Badge>} />
      <CardContent className="space-y-3 text-sm">
        <p>{summary}</p>
        {showing ? children : null}
      </CardContent>
    </Card>
  );
}
