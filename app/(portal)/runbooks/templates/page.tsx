import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listTemplates } from "@/lib/runbooks/queries";

export const metadata: Metadata = { title: "Runbook templates" };

export default async function TemplatesPage() {
  const person = await requirePerson();
  requirePermission(person, "runbook-templates.manage");
  const templates = await listTemplates(db());
  return (
    <>
      <PageHeader eyebrow={<TextLink href="/runbooks">← Runbooks</TextLink>} title="Runbook templates"
        description="What teams start new runbooks from. The starter template becomes every new service's first runbook."
        actions={<ButtonLink href="/runbooks/templates/new" variant="primary">New template</ButtonLink>} />
      <Table caption="Templates">
        <THead><TR><TH>Name</TH><TH>Description</TH><TH>Tags</TH></TR></THead>
        <TBody>
          {templates.map((template) => (
            <TR key={template.id}>
              <TD><TextLink href={`/runbooks/templates/${template.slug}`}>{template.name}</TextLink> {template.isStarter ? <Badge tone="brand">Starter</Badge> : null}</TD>
              <TD>{template.description}</TD>
              <TD>{template.tags.join(", ")}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </>
  );
}
