import { Users } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TextLink } from "@/components/ui/text-link";
import type { TeamSummary } from "@/lib/teams/queries";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

export function YourTeams({ teams }: { teams: TeamSummary[] }) {
  return (
    <Card aria-labelledby="your-teams-heading" className="self-start">
      <CardHeader titleId="your-teams-heading" title="Your teams" />
      {teams.length ? (
        <ul className="divide-y divide-line">
          {teams.map((team) => (
            <li key={team.id} className="px-5 py-3">
              <TextLink href={`/teams/${team.slug}`}>{team.name}</TextLink>
              <p className="text-sm text-fg-muted">
                {team.domain ? `${team.domain.name} domain · ` : ""}
                {plural(team.memberCount, "member")} · {plural(team.serviceCount, "service")}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <CardContent>
          <EmptyState
            icon={<Users />}
            title="You are not in a team yet"
            description="Ask an admin to add you to the team you work in. Until then, browse all teams."
            action={<ButtonLink href="/teams" size="sm">Browse teams</ButtonLink>}
          />
        </CardContent>
      )}
    </Card>
  );
}
