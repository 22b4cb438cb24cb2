import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { runbookPath } from "@/lib/runbooks/paths";
import type { RunbookListItem } from "@/lib/runbooks/queries";
import { ReviewBadge } from "./review-badge";

/** The runbooks of one service, stale ones flagged. */
export function RunbookList({ runbooks }: { runbooks: RunbookListItem[] }) {
  return (
    <ul className="divide-y divide-line" aria-label="Runbooks">
      {runbooks.map((runbook) => (
        <li key={runbook.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <Link href={runbookPath(runbook.service.slug, runbook.slug)} className="font-medium text-link underline-offset-2 hover:underline">
            {runbook.title}
          </Link>
          <span className="flex flex-wrap gap-1">
            <ReviewBadge review={runbook.review} />
            {runbook.alertNames.map((alert) => <Badge key={alert} tone="info">{alert}</Badge>)}
          </span>
        </li>
      ))}
    </ul>
  );
}
