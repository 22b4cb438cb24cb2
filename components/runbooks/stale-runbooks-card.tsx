import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { runbookPath } from "@/lib/runbooks/paths";
import type { StaleRunbook } from "@/lib/runbooks/search-queries";

/** Runbooks of your teams whose review is overdue: knowledge that may be wrong at 3 a.m. */
export function StaleRunbooksCard({ runbooks }: { runbooks: StaleRunbook[] }) {
  return (
    <Card aria-labelledby="stale-runbooks-heading">
      <CardHeader
        titleId="stale-runbooks-heading"
        title="Runbooks due for review"
        description="Read them, fix what is out of date, then mark them reviewed."
        actions={<ButtonLink href="/runbooks?stale=only" size="sm" variant="ghost">All<ArrowRight aria-hidden="true" /></ButtonLink>}
      />
      <CardContent>
        {runbooks.length ? (
          <ul className="space-y-2 text-sm">
            {runbooks.map((runbook) => (
              <li key={runbook.id}>
                <Link href={runbookPath(runbook.service.slug, runbook.slug)} className="font-medium text-link underline-offset-2 hover:underline">{runbook.title}</Link>
                <span className="block text-fg-muted">
                  {runbook.service.name} · overdue by {runbook.review.daysOverdue} {runbook.review.daysOverdue === 1 ? "day" : "days"}
                  {runbook.owner ? ` · ${runbook.owner}` : ""}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-fg-muted">Every runbook of your teams has been reviewed on time.</p>
        )}
      </CardContent>
    </Card>
  );
}
