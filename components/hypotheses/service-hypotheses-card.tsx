import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { TextLink } from "@/components/ui/text-link";
import type { HypothesisView } from "@/lib/hypotheses/queries";
import { ReleaseCosts } from "./release-costs";
import { HypothesisStatusBadge } from "./status-badge";

/** The service page's outcome hypotheses: each with its status and what its releases cost in error budget. */
export function ServiceHypothesesCard({ slug, hypotheses, mayWrite }: { slug: string; hypotheses: HypothesisView[]; mayWrite: boolean }) {
  return (
    <Card aria-labelledby="hypotheses-title">
      <CardHeader
        titleId="hypotheses-title"
        title="Outcome hypotheses"
        description="What the releases of this service are meant to achieve, and the error budget each release cost (incidents it caused, against the 28-day budget)."
        actions={mayWrite ? <ButtonLink href={`/services/${slug}/hypotheses/new`} size="sm">Write hypothesis</ButtonLink> : null}
      />
      <CardContent>
        {hypotheses.length === 0 ? (
          <p className="text-sm text-fg-muted">No hypotheses yet.</p>
        ) : (
          <ul className="divide-y divide-line">
            {hypotheses.map((h) => (
              <li key={h.id} className="space-y-1.5 py-3 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-center gap-2">
                  <TextLink href={`/services/${slug}/hypotheses/${h.number}`}>{h.label}</TextLink>
                  <HypothesisStatusBadge status={h.status} />
                  <span className="text-xs text-fg-muted">{h.owner.name} · by {h.measureBy.toISOString().slice(0, 10)}</span>
                </div>
                <p className="text-sm">{h.sentence}</p>
                <ReleaseCosts releases={h.releases} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
