import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PersonProfile } from "@/components/people/person-profile";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { ButtonLink } from "@/components/ui/button";
import { db } from "@/lib/db";
import { getPerson } from "@/lib/people/queries";
import { ROLE_LABEL } from "@/lib/people/roles";

type Params = Promise<{ id: string }>;

// Metadata and page both need the person; cache() makes that one query per request.
const loadPerson = cache(async (id: string) => {
  const viewer = await requirePerson();
  requirePermission(viewer, "catalog.read");
  return getPerson(db(), viewer, id);
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const person = await loadPerson((await params).id);
  return { title: person?.name ?? "Person not found" };
}

export default async function PersonPage({ params }: { params: Params }) {
  const viewer = await requirePerson();
  requirePermission(viewer, "catalog.read");
  const person = await loadPerson((await params).id);
  if (!person) notFound();
  return (
    <>
      <PageHeader
        eyebrow={<BackLink href="/people">All people</BackLink>}
        title={
          <span className="flex flex-wrap items-center gap-3">
            {person.name}
            {person.deactivated ? <Badge tone="danger">Deactivated</Badge> : null}
          </span>
        }
        description={`${ROLE_LABEL[person.role]}${person.teams.length ? ` in ${person.teams.map((team) => team.name).join(", ")}` : ""}`}
        actions={can(viewer, "people.manage") ? <ButtonLink href={`/people/${person.id}/edit`}>Edit person</ButtonLink> : null}
      />
      <PersonProfile person={person} />
    </>
  );
}
