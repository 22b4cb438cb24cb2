import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { HypothesisForm } from "@/components/hypotheses/hypothesis-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { productManagersOfTeam } from "@/lib/hypotheses/queries";
import { createHypothesisAction } from "../actions";

export const metadata: Metadata = { title: "Write a hypothesis" };

export default async function NewHypothesisPage({ params }: { params: Promise<{ slug: string }> }) {
  const person = await requirePerson();
  const { slug } = await params;
  const service = await db().service.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, teamId: true, archivedAt: true } });
  if (!service || service.archivedAt) notFound();
  requirePermission(person, "hypotheses.manage", { teamId: service.teamId, serviceId: service.id });
  const owners = await productManagersOfTeam(db(), service.teamId);
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href={`/services/${service.slug}`}>← {service.name}</TextLink>}
        title="Write an outcome hypothesis"
        description="We believe <capability> will result in <outcome>. We will know when <metric> moves by <amount> by <date>. Link the releases that ship it afterwards; from its date on, record what the metric did."
      />
      <div className="max-w-2xl">
        <HypothesisForm action={createHypothesisAction.bind(null, service.slug)} owners={owners}
          defaultOwnerId={owners.some((owner) => owner.id === person.id) ? person.id : null} today={new Date().toISOString().slice(0, 10)} />
      </div>
    </>
  );
}
