import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import type { DomainGroup } from "@/lib/teams/queries";
import { ThinRotaBadge } from "./thin-rota-badge";

export function TeamsByDomain({ groups }: { groups: DomainGroup[] }) {
  return (
    <div className="space-y-8">
      {groups.map(({ domain, teams }) => {
        const headingId = `domain-${domain?.slug ?? "none"}`;
        return (
          <section key={headingId} aria-labelledby={headingId} className="space-y-3">
            <div className="flex items-baseline justify-between gap-3">
              <h2 id={headingId} className="text-base font-semibold">
                {domain ? `${domain.name} domain` : "Teams without a domain"}
              </h2>
              <p className="text-sm text-fg-muted">
                {teams.length} {teams.length === 1 ? "team" : "teams"}
              </p>
            </div>
            <Table caption={domain ? `Teams in the ${domain.name} domain` : "Teams without a domain"} captionHidden className="min-w-[36rem] table-fixed">
              <THead>
                <tr>
                  <TH className="w-[45%]">Team</TH>
                  <TH className="w-[25%]">Domain</TH>
                  <TH className="w-[15%] text-right">Members</TH>
                  <TH className="w-[15%] text-right">Services</TH>
                </tr>
              </THead>
              <TBody>
                {teams.map((team) => (
                  <TR key={team.id}>
                    <TH scope="row">
                      <TextLink href={`/teams/${team.slug}`}>{team.name}</TextLink>
                    </TH>
                    <TD className="text-fg-muted">{team.domain?.name ?? "None"}</TD>
                    <TD className="text-right tabular-nums">
                      <span className="inline-flex items-center gap-2">
                        <ThinRotaBadge memberCount={team.memberCount} />
                        {team.memberCount}
                      </span>
                    </TD>
                    <TD className="text-right tabular-nums">{team.serviceCount}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </section>
        );
      })}
    </div>
  );
}
