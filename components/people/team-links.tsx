import { TextLink } from "@/components/ui/text-link";
import type { PersonTeamRef } from "@/lib/people/queries";

export function TeamLinks({ teams }: { teams: PersonTeamRef[] }) {
  if (teams.length === 0) return <span className="text-fg-muted">No team</span>;
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {teams.map((team) => (
        <li key={team.slug}>
          <TextLink href={`/teams/${team.slug}`} className="font-normal">
            {team.name}
          </TextLink>
          {team.isLead ? <span className="text-xs text-fg-muted"> (lead)</span> : null}
        </li>
      ))}
    </ul>
  );
}
