import type { Metadata } from "next";
import { PersonForm } from "@/components/people/person-form";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { addPersonAction } from "../actions";

export const metadata: Metadata = { title: "Add person" };

export default async function NewPersonPage() {
  const person = await requirePerson();
  requirePermission(person, "people.manage");
  return (
    <>
      <PageHeader eyebrow={<BackLink href="/people">All people</BackLink>} title="Add person"
        description="They sign in with your identity provider using this email; add them to teams afterwards." />
      <PersonForm action={addPersonAction} submitLabel="Add person" withEmail defaults={{ name: "", role: "ENGINEER", isIncidentManager: false }} />
    </>
  );
}
