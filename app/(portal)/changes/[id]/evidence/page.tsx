import type { Metadata } from "next";
import "@/components/changes/evidence-pack.css";
import { wrapEvidenceTables } from "@/components/changes/evidence-tables";
import { MarkdownView } from "@/components/runbooks/markdown-view";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { evidenceMarkdown } from "@/lib/changes/evidence-markdown";
import { buildEvidencePack } from "@/lib/changes/evidence-pack";
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/runbooks/render-markdown";

export const metadata: Metadata = { title: "Evidence pack" };

export default async function EvidencePage({ params }: { params: Promise<{ id: string }> }) {
  const person = await requirePerson();
  requirePermission(person, "changes.evidence");
  const { id } = await params;
  const pack = await buildEvidencePack(db(), person, id);
  return (
    <>
      <PageHeader
        eyebrow={<TextLink href={`/changes/${id}`} className="print:hidden">← CHG-{pack.change.number}</TextLink>}
        title={`Evidence pack: CHG-${pack.change.number} ${pack.change.summary}`}
        description="Print this page, or download it for the auditors."
        actions={
          <div className="flex gap-2 print:hidden">
            <ButtonLink href={`/api/v1/changes/${id}/evidence?format=md`} prefetch={false}>Download Markdown</ButtonLink>
            <ButtonLink href={`/api/v1/changes/${id}/evidence?format=json`} prefetch={false}>Download JSON</ButtonLink>
          </div>
        }
      />
      {/* Full width: the audit table needs it; the prose stays readable at its own measure. */}
      <article className="evidence-pack min-w-0"><MarkdownView html={wrapEvidenceTables(renderMarkdown(evidenceMarkdown(pack, { links: true }).replace(/^# .*\n/, "")))} /></article>
    </>
  );
}
