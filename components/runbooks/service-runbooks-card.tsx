import { BookOpenText } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { newRunbookPath } from "@/lib/runbooks/paths";
import type { RunbookListItem } from "@/lib/runbooks/queries";
import { RunbookList } from "./runbook-list";

/** The service page's runbooks: the list, stale ones flagged, and "New runbook" for the owning team. */
export function ServiceRunbooksCard({ serviceSlug, runbooks, mayCreate }: { serviceSlug: string; runbooks: RunbookListItem[]; mayCreate: boolean }) {
  const stale = runbooks.filter((runbook) => runbook.review.stale).length;
  return (
    <Card aria-labelledby="runbooks-title">
      <CardHeader
        titleId="runbooks-title"
        title="Runbooks"
        description={stale ? `${stale} of ${runbooks.length} due for review.` : "How this service fails and how to restore it."}
        actions={mayCreate ? <ButtonLink href={newRunbookPath(serviceSlug)} size="sm">New runbook</ButtonLink> : null}
      />
      <CardContent>
        {runbooks.length ? <RunbookList runbooks={runbooks} /> : <EmptyState icon={<BookOpenText />} title="No runbooks yet" />}
      </CardContent>
    </Card>
  );
}
