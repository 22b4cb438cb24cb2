import { DateTime } from "@/components/ui/date-time";
import type { DeploymentDetail } from "@/lib/deployments/queries";

export function CommitList({ commits }: { commits: DeploymentDetail["commits"] }) {
  if (commits.length === 0) return <p className="text-sm text-fg-muted">The pipeline reported no commits.</p>;
  return (
    <ol className="space-y-2 text-sm" aria-label="Commits">
      {commits.map((commit) => (
        <li key={commit.sha} className="flex flex-wrap items-baseline gap-x-2">
          <code className="font-mono text-xs">{commit.sha.slice(0, 10)}</code>
          <span className="text-fg">{commit.message?.split("\n")[0] ?? "(no message)"}</span>
          <span className="text-xs text-fg-muted">{commit.author ? `${commit.author}, ` : ""}<DateTime value={commit.committedAt} /></span>
        </li>
      ))}
    </ol>
  );
}
