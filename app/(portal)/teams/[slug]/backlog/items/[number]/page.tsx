import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteItemButton } from "@/components/backlog/delete-item-button";
import { ItemBadges } from "@/components/backlog/item-badges";
import { ItemForm } from "@/components/backlog/item-form";
import { itemKind, STATUS_LABEL } from "@/components/backlog/words";
import { BackLink } from "@/components/ui/back-link";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { backlogItemByNumber } from "@/lib/backlog/queries";
import { db } from "@/lib/db";
import { deleteBacklogItemAction, editBacklogItemAction } from "../../actions";

type Params = Promise<{ slug: string; number: string }>;

export const metadata: Metadata = { title: "Backlog item" };

export default async function BacklogItemPage({ params }: { params: Params }) {
  const person = await requirePerson();
  requirePermission(person, "backlog.read");
  const { slug, number } = await params;
  const n = /^\d{1,9}$/.test(number) ? Number(number) : null;
  const found = n ? await backlogItemByNumber(db(), person, slug, n) : null;
  if (!found) notFound();
  const { team, item } = found;
  const editable = can(person, "backlog.edit", { teamId: team.id });
  return (
    <>
      <PageHeader
        eyebrow={<BackLink href={`/teams/${team.slug}/backlog`}>{team.name} backlog</BackLink>}
        title={`BL-${item.number} ${item.title}`}
        description={`${itemKind(item)} · ${item.estimate ?? "not estimated"}${item.estimate === null ? "" : " pt"} · ${STATUS_LABEL[item.status]}${item.importedKey ? ` · imported as ${item.importedKey}` : ""}`}
        actions={editable ? <DeleteItemButton action={deleteBacklogItemAction.bind(null, team.slug, item.id)} label={`BL-${item.number}`} /> : null}
      />
      <div className="space-y-6">
        <p className="flex flex-wrap items-center gap-1.5 text-sm"><ItemBadges item={item} /></p>
        {item.description ? <p className="whitespace-pre-wrap text-sm">{item.description}</p> : null}
        {editable ? (
          <Card aria-labelledby="edit-heading">
            <CardHeader titleId="edit-heading" title="Edit" description="Change its status and place from the backlog's list." />
            <CardContent>
              <ItemForm
                action={editBacklogItemAction.bind(null, team.slug, item.id)}
                members={found.members}
                services={found.services}
                submitLabel="Save"
                defaults={{
                  title: item.title, type: item.type, subtype: item.subtype, estimate: item.estimate, ownerId: item.owner?.id ?? null,
                  dueOn: item.dueAt?.toISOString().slice(0, 10) ?? null, labels: item.labels, serviceId: item.service?.id ?? null,
                  incidentNumber: item.incident?.number ?? null, description: item.description,
                  deploymentId: item.deploymentId, hypothesisId: item.hypothesisId,
                }}
              />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
