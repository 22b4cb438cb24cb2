import { Users } from "lucide-react";
import type { Metadata } from "next";
import { TeamsByDomain } from "@/components/teams/teams-by-domain";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { ButtonLink } from "@/components/ui/button";
import { db } from "@/lib/db";
import { listTeamsByDomain } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  const person = await requirePerson();
  requirePermission(person, "catalog.read");
  const groups = await listTeamsByDomain(db(), person);
  return (
    <>
      <PageHeader
        title="Teams"
        description="Each team builds and runs its own services. Teams of one domain share an out-of-hours schedule for their 99.0% services."
        actions={
          <>
            {can(person, "webhooks.manage") ? <ButtonLink href="/webhooks">Organisation webhooks</ButtonLink> : null}
            {can(person, "teams.manage") ? <ButtonLink href="/teams/new" variant="primary">New team</ButtonLink> : null}
          </>
        }
      />
      {groups.length ? (
        <TeamsByDomain groups={groups} />
      ) : (
        <div className="rounded-lg border border-line bg-surface">
          <EmptyState
            icon={<Users />}
            title="No teams yet"
            description="An admin adds teams; once there are some, they are listed here by domain."
          />
        </div>
      )}
    </>
  );
}
