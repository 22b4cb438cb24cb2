import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { runbookPath } from "@/lib/runbooks/paths";
import type { SearchHit } from "@/lib/runbooks/search-queries";
import { Highlighted } from "./highlighted";
import { ReviewBadge } from "./review-badge";

export function SearchResults({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="space-y-3" aria-label="Search results">
      {hits.map((hit) => (
        <li key={hit.id} className="rounded-lg border border-line bg-surface p-4">
          <div className="flex flex-wrap items-center gap-2">
            <Link href={runbookPath(hit.service.slug, hit.slug)} className="text-base font-semibold text-link underline-offset-2 hover:underline">
              <Highlighted text={hit.titleHighlight} />
            </Link>
            <ReviewBadge review={hit.review} />
          </div>
          <p className="mt-0.5 text-sm text-fg-muted">{hit.service.name} · {hit.team.name}</p>
          <p className="mt-2 text-sm"><Highlighted text={hit.snippet} /></p>
          {hit.tags.length || hit.alertNames.length ? (
            <p className="mt-2 flex flex-wrap gap-1">
              {hit.tags.map((tag) => <Badge key={tag}>{tag}</Badge>)}
              {hit.alertNames.map((alert) => <Badge key={alert} tone="info">{alert}</Badge>)}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
