import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunbookEditor } from "@/components/runbooks/runbook-editor";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { runbookPath } from "@/lib/runbooks/paths";
import { getRunbook, ownerOptions } from "@/lib/runbooks/queries";
import { renderMarkdownCached } from "@/lib/runbooks/render-cache";
import { updateRunbookAction } from "../../../actions";

export const metadata: Metadata = { title: "Edit runbook" };

export default async function EditRunbookPage({ params }: { params: Promise<{ service: string; runbook: string }> }) {
  const person = await requirePerson();
  const { service: serviceSlug, runbook: runbookSlug } = await params;
  const runbook = await getRunbook(db(), serviceSlug, runbookSlug);
  if (!runbook) notFound();
  requirePermission(person, "runbooks.edit", { teamId: runbook.service.team.id });
  const path = runbookPath(runbook.service.slug, runbook.slug);
  const members = await ownerOptions(db(), runbook.service.team.id);
  // An owner outside the team stays choosable, so saving does not silently drop them.
  const owners = runbook.owner && !members.some((member) => member.id === runbook.owner!.id) ? [...members, runbook.owner] : members;
  return (
    <>
      <PageHeader eyebrow={<TextLink href={path}>← {runbook.title}</TextLink>} title={`Edit: ${runbook.title}`}
        description={`You are editing revision ${runbook.revision}. If someone saves first, you will see their changes and can merge.`} />
      <RunbookEditor
        action={updateRunbookAction.bind(null, runbook.id)}
        baseRevision={runbook.revision}
        owners={owners}
        submitLabel="Save revision"
        cancelHref={path}
        initialPreview={renderMarkdownCached(runbook.body)}
        initial={{
          title: runbook.title,
          body: runbook.body,
          tags: runbook.tags.join(", "),
          alertNames: runbook.alertNames.join(", "),
          reviewIntervalDays: String(runbook.reviewIntervalDays),
          ownerId: runbook.owner?.id ?? "",
          summary: "",
        }}
      />
    </>
  );
}
