import { ArrowRight, UserRound, Users } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { AdminHome as AdminHomeData } from "@/lib/home/queries";
import { ROLE_LABEL } from "@/lib/people/roles";
import { StatList } from "./stat-list";
import { SignalsLinkCard } from "./signals-link-card";

export function AdminHome({ data }: { data: AdminHomeData }) {
  const { counts, peopleWithoutTeam, peopleWithoutTeamTotal, thinTeams } = data;
  return (
    <div className="space-y-6">
      <StatList
        label="Organisation at a glance"
        stats={[
          { label: "People", value: counts.people, href: "/people" },
          { label: "Teams", value: counts.teams, href: "/teams" },
          { label: "Services", value: counts.services, href: "/services" },
          { label: "Domains", value: counts.domains, href: "/teams" },
        ]}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card aria-labelledby="no-team-heading">
          <CardHeader
            titleId="no-team-heading"
            title="People without a team"
            description="Until they belong to a team, they can change no service (unless they are admins)."
            actions={<ButtonLink href="/people" size="sm" variant="ghost">All people<ArrowRight aria-hidden="true" /></ButtonLink>}
          />
          {peopleWithoutTeam.length ? (
            <>
              <Table caption="People without a team" captionHidden framed={false}>
                <THead>
                  <tr>
                    <TH>Name</TH>
                    <TH>Role</TH>
                  </tr>
                </THead>
                <TBody>
                  {peopleWithoutTeam.map((person) => (
                    <TR key={person.id}>
                      <TH scope="row">
                        <TextLink href={`/people/${person.id}`}>{person.name}</TextLink>
                        <div className="text-xs font-normal text-fg-muted">{person.email}</div>
                      </TH>
                      <TD>{ROLE_LABEL[person.role]}</TD>
                    </TR>
                  ))}
                </TBody>
              </Table>
              {peopleWithoutTeamTotal > peopleWithoutTeam.length ? (
                <p className="border-t border-line px-5 py-3 text-sm text-fg-muted">
                  Showing {peopleWithoutTeam.length} of {peopleWithoutTeamTotal}.
                </p>
              ) : null}
            </>
          ) : (
            <CardContent>
              <EmptyState icon={<UserRound />} title="Everyone is in a team" />
            </CardContent>
          )}
        </Card>
        <Card aria-labelledby="thin-teams-heading">
          <CardHeader
            titleId="thin-teams-heading"
            title="Teams with fewer than 3 members"
            description="A rota needs at least three people, or the same few are on call far too often."
            actions={<ButtonLink href="/teams" size="sm" variant="ghost">All teams<ArrowRight aria-hidden="true" /></ButtonLink>}
          />
          {thinTeams.length ? (
            <Table caption="Teams with fewer than three members" captionHidden framed={false}>
              <THead>
                <tr>
                  <TH>Team</TH>
                  <TH className="text-right">Members</TH>
                  <TH className="text-right">Services</TH>
                </tr>
              </THead>
              <TBody>
                {thinTeams.map((team) => (
                  <TR key={team.id}>
                    <TH scope="row">
                      <TextLink href={`/teams/${team.slug}`}>{team.name}</TextLink>
                      {team.domain ? <div className="text-xs font-normal text-fg-muted">{team.domain.name} domain</div> : null}
                    </TH>
                    <TD className="text-right tabular-nums">{team.memberCount}</TD>
                    <TD className="text-right tabular-nums">{team.serviceCount}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          ) : (
            <CardContent>
              <EmptyState icon={<Users />} title="Every team can sustain a rota" description="All teams have at least three members." />
            </CardContent>
          )}
        </Card>
      </div>
      <SignalsLinkCard />
    </div>
  );
}
