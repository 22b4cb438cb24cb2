import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { ROLE_LABEL } from "@/lib/people/roles";
import type { TeamMember } from "@/lib/teams/queries";

export function TeamMembersTable({ members, teamName }: { members: TeamMember[]; teamName: string }) {
  return (
    <Table caption={`Members of ${teamName}`} captionHidden framed={false}>
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Role</TH>
          <TH>
            <span className="sr-only">Responsibilities</span>
          </TH>
        </tr>
      </THead>
      <TBody>
        {members.map((member) => (
          <TR key={member.personId}>
            <TH scope="row">
              <TextLink href={`/people/${member.personId}`}>{member.name}</TextLink>
              <div className="text-xs font-normal break-all text-fg-muted">{member.email}</div>
            </TH>
            <TD className="whitespace-nowrap">{ROLE_LABEL[member.role]}</TD>
            <TD>
              <div className="flex flex-wrap gap-1.5">
                {member.isLead ? <Badge tone="brand">Team lead</Badge> : null}
                {member.isIncidentManager ? <Badge tone="warning">Incident manager</Badge> : null}
              </div>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
