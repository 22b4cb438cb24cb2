import type { Metadata } from "next";
import { ChangeForm } from "@/components/changes/change-form";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { changeFormOptions } from "@/lib/changes/queries";
import { db } from "@/lib/db";
import { forbidden } from "next/navigation";
import { raiseChangeAction } from "../actions";

export const metadata: Metadata = { title: "Raise a change" };

export default async function NewChangePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const person = await requirePerson();
  const params = await searchParams;
  const options = await changeFormOptions(db());
  // Only services the person may raise changes for (their teams', or any for admins).
  const services = options.services.filter((service) => can(person, "changes.raise", { teamId: service.teamId }));
  if (!services.length) forbidden();
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href="/changes">← Changes</TextLink>}
        title="Raise a change"
        description="For a deployment no pattern pre-approves. The CAB reviews normal changes; emergency changes are reviewed afterwards."
      />
      <ChangeForm
        action={raiseChangeAction}
        services={services}
        environments={options.environments}
        defaults={{ type: params.type ?? "NORMAL", service: params.service ?? "", environment: params.environment ?? "production", version: params.version ?? "" }}
      />
    </>
  );
}
