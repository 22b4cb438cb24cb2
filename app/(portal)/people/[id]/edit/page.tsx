import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PersonActiveForm } from "@/components/people/person-active-form";
import { PersonForm } from "@/components/people/person-form";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getPerson } from "@/lib/people/queries";
import { setPersonActiveAction, updatePersonAction } from "../../actions";

export const metadata: Metadata = { title: "Edit person" };

export default async function EditPersonPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePerson();
  requirePermission(viewer, "people.manage");
  const { id } = await params;
  const person = await getPerson(db(), viewer, id);
  if (!person) notFound();
  return (
    <>
      <PageHeader eyebrow={<BackLink href={`/people/${id}`}>{person.name}</BackLink>} title={`Edit ${person.name}`} description={person.email} />
      <div className="max-w-xl space-y-8">
        <PersonForm action={updatePersonAction.bind(null, id)} submitLabel="Save person" withEmail={false}
          defaults={{ name: person.name, role: person.role, isIncidentManager: person.isIncidentManager }} />
        {viewer.id !== id ? (
          <Card aria-labelledby="access-title">
            <CardHeader titleId="access-title" title={person.deactivated ? "Reactivate" : "Deactivate"}
              description={person.deactivated ? "Let them sign in again." : "They can no longer sign in; their history and audit trail stay."} />
            <CardContent>
              <PersonActiveForm action={setPersonActiveAction.bind(null, id, person.deactivated)} active={!person.deactivated} name={person.name} />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
