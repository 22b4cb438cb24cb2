import { Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { PersonDetail } from "@/lib/people/queries";
import { ROLE_LABEL } from "@/lib/people/roles";

export function PersonProfile({ person }: { person: PersonDetail }) {
  return (
    <div className="space-y-6">
      <dl className="grid grid-cols-1 gap-x-6 gap-y-4 rounded-lg border border-line bg-surface px-5 py-4 shadow-xs sm:grid-cols-3">
        <div>
          <dt className="text-sm text-fg-muted">Email</dt>
          <dd className="mt-1 text-sm font-medium break-all">
            <a href={`mailto:${person.email}`} className="text-link underline-offset-2 hover:underline">
              {person.email}
            </a>
          </dd>
        </div>
        <div>
          <dt className="text-sm text-fg-muted">Role</dt>
          <dd className="mt-1 text-sm font-medium">{ROLE_LABEL[person.role]}</dd>
        </div>
        <div>
          <dt className="text-sm text-fg-muted">Incident manager</dt>
          <dd className="mt-1 text-sm font-medium">
            {person.isIncidentManager ? "Yes: may declare major incidents across teams" : "No"}
          </dd>
        </div>
      </dl>
      <Card aria-labelledby="person-teams-heading">
        <CardHeader titleId="person-teams-heading" title="Teams" />
        {person.teams.length ? (
          <Table caption={`Teams of ${person.name}`} captionHidden framed={false}>
            <THead>
              <tr>
                <TH>Team</TH>
                <TH>Domain</TH>
                <TH>
                  <span className="sr-only">Team lead</span>
                </TH>
              </tr>
            </THead>
            <TBody>
              {person.teams.map((team) => (
                <TR key={team.slug}>
                  <TH scope="row">
                    <TextLink href={`/teams/${team.slug}`}>{team.name}</TextLink>
                  </TH>
                  <TD className="text-fg-muted">{team.domainName ?? "None"}</TD>
                  <TD>{team.isLead ? <Badge tone="brand">Team lead</Badge> : null}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        ) : (
          <CardContent>
            <EmptyState icon={<Users />} title="Not in a team" description="An admin can add this person to a team." />
          </CardContent>
        )}
      </Card>
    </div>
  );
}
