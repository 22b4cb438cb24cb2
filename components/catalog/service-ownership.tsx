import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import type { ServiceDetail } from "@/lib/catalog/queries";

const ROLE_LABEL: Record<string, string> = {
  ENGINEER: "Engineer", PRODUCT_MANAGER: "Product manager", CHANGE_MANAGER: "Change manager", ADMIN: "Admin",
};

export function ServiceOwnership({ service }: { service: ServiceDetail }) {
  const { team } = service;
  return (
    <Card aria-labelledby="ownership-title">
      <CardHeader
        titleId="ownership-title"
        title={<>Owned by <Link href={`/teams/${team.slug}`} className="text-link underline-offset-2 hover:underline">{team.name}</Link></>}
        description={[service.domain ? `${service.domain.name} domain` : "No domain", team.chatChannel].filter(Boolean).join(" · ")}
      />
      <CardContent>
        {team.members.length ? (
          <ul className="divide-y divide-line" aria-label={`Members of ${team.name}`}>
            {team.members.map((member) => (
              <li key={member.id} className="flex items-center justify-between gap-3 py-2 text-sm">
                <span>
                  <Link href={`/people/${member.id}`} className="font-medium text-fg hover:underline">{member.name}</Link>
                  <span className="block text-xs text-fg-muted">{member.email}</span>
                </span>
                <span className="flex gap-1">
                  {member.isLead ? <Badge tone="brand">Lead</Badge> : null}
                  <Badge>{ROLE_LABEL[member.role] ?? member.role}</Badge>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-fg-muted">The team has no members yet.</p>
        )}
      </CardContent>
    </Card>
  );
}
