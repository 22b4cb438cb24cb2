import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { PersonListItem } from "@/lib/people/queries";
import { ROLE_LABEL } from "@/lib/people/roles";
import { TeamLinks } from "./team-links";

export function PeopleTable({ people }: { people: PersonListItem[] }) {
  return (
    <Table caption="People" captionHidden>
      <THead>
        <tr>
          <TH>Name</TH>
          <TH>Email</TH>
          <TH>Role</TH>
          <TH>Incident manager</TH>
          <TH>Teams</TH>
        </tr>
      </THead>
      <TBody>
        {people.map((person) => (
          <TR key={person.id}>
            <TH scope="row" className="whitespace-nowrap">
              <TextLink href={`/people/${person.id}`}>{person.name}</TextLink>
            </TH>
            <TD className="whitespace-nowrap text-fg-muted">{person.email}</TD>
            <TD className="whitespace-nowrap">{ROLE_LABEL[person.role]}</TD>
            <TD>{person.isIncidentManager ? <Badge tone="warning">Incident manager</Badge> : <span className="text-fg-muted">No</span>}</TD>
            <TD>
              <TeamLinks teams={person.teams} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
