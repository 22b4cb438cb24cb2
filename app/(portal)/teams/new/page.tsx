import type { Metadata } from "next";
import { TeamForm } from "@/components/teams/team-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { domainOptions } from "@/lib/teams/admin-queries";
import { createTeamAction } from "../actions";

export const metadata: Metadata = { title: "New team" };

export default async function NewTeamPage() {
  const person = await requirePerson();
  requirePermission(person, "teams.manage");
  const domains = await domainOptions(db());
  return (
    <>
      <PageHeader eyebrow={<BackLink href="/teams">All teams</BackLink>} title="New team" description="A product team builds and runs its own services." />
      <TeamForm action={createTeamAction} submitLabel="Create team" domains={domains}
        defaults={{ name: "", slug: "", description: "", domainId: "", chatChannel: "" }} />
    </>
  );
}
