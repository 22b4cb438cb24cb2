import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TeamForm } from "@/components/teams/team-form";
import { TeamMembershipEditor } from "@/components/teams/team-membership-editor";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { activePeopleOptions, domainOptions, teamForEdit } from "@/lib/teams/admin-queries";
import { removeMemberAction, setMembershipAction, updateTeamAction } from "../../actions";

export const metadata: Metadata = { title: "Edit team" };

export default async function EditTeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "teams.manage");
  const { slug } = await params;
  const [team, domains, candidates] = await Promise.all([teamForEdit(db(), person, slug), domainOptions(db()), activePeopleOptions(db(), person)]);
  if (!team) notFound();
  return (
    <>
      <PageHeader eyebrow={<BackLink href={`/teams/${slug}`}>{team.name}</BackLink>} title={`Edit ${team.name}`} />
      <div className="max-w-3xl space-y-8">
        <TeamForm action={updateTeamAction.bind(null, slug)} submitLabel="Save team" domains={domains}
          defaults={{ name: team.name, slug: team.slug, description: team.description, domainId: team.domainId ?? "", chatChannel: team.chatChannel ?? "" }} />
        <Card aria-labelledby="members-title">
          <CardHeader titleId="members-title" title="Members" description="Everyone in the team builds and runs its services; a rota needs at least three." />
          <CardContent>
            <TeamMembershipEditor
              teamName={team.name}
              members={team.members}
              candidates={candidates}
              setMembership={setMembershipAction.bind(null, slug)}
              removeActions={Object.fromEntries(team.members.map(({ person: member }) => [member.id, removeMemberAction.bind(null, slug, member.id)]))}
            />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
