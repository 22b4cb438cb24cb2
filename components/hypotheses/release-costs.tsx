import { TextLink } from "@/components/ui/text-link";
import type { LinkedRelease } from "@/lib/hypotheses/queries";
import { budgetCostWords } from "@/lib/hypotheses/rules";

/** Each linked release with the error budget its incidents cost. */
export function ReleaseCosts({ releases }: { releases: LinkedRelease[] }) {
  if (releases.length === 0) return <p className="text-sm text-fg-muted">No release linked yet.</p>;
  return (
    <ul className="space-y-1 text-sm">
      {releases.map((release) => (
        <li key={release.id}>
          <TextLink href={`/deployments/${release.id}`}>{release.version}</TextLink>{" "}
          <span className="text-fg-muted">({release.shippedAt.toISOString().slice(0, 10)})</span>: cost{" "}
          <span className="tabular-nums">{budgetCostWords(release.cost)}</span>
          {release.incidents.length ? (
            <span className="text-fg-muted">
              {" "}from {release.incidents.map((incident, index) => (
                <span key={incident.id}>{index ? ", " : ""}<TextLink href={`/incidents/${incident.id}`} className="font-normal">INC-{incident.number}</TextLink></span>
              ))}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
