import { ListTodo } from "lucide-react";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BacklogList } from "@/components/backlog/backlog-list";
import type { ListItem } from "@/components/backlog/backlog-list-client";
import { BalanceSignal, BalanceSummary, DoneShareChart } from "@/components/backlog/balance-card";
import { ImportForm } from "@/components/backlog/import-form";
import { ItemBadges, itemTags } from "@/components/backlog/item-badges";
import { ItemForm } from "@/components/backlog/item-form";
import { TargetForm } from "@/components/backlog/target-form";
import { itemKind, STATUS_LABEL } from "@/components/backlog/words";
import { BackLink } from "@/components/ui/back-link";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { OPEN_SHOWN, OPEN_SHOWN_MAX, teamBacklog, type BacklogItemView } from "@/lib/backlog/queries";
import { db } from "@/lib/db";
import { createBacklogItemAction, importBacklogAction, moveBacklogItemAction, reorderBacklogItemAction, setTargetShareAction } from "./actions";

type Params = Promise<{ slug: string }>;
type Search = Promise<{ filter?: string | string[]; show?: string | string[] }>;

export const metadata: Metadata = { title: "Backlog" };

const toListItem = (slug: string) => (item: BacklogItemView): ListItem => ({
  id: item.id, number: item.number, title: item.title, type: item.type, subtype: item.subtype, status: item.status, estimate: item.estimate,
  href: `/teams/${slug}/backlog/items/${item.number}`, tags: itemTags(item),
});

export default async function TeamBacklogPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const person = await requirePerson();
  requirePermission(person, "backlog.read");
  const { slug } = await params;
  const search = await searchParams;
  const actionsOnly = search.filter === "actions";
  const showAll = search.show === "all";
  const view = await teamBacklog(db(), person, slug, new Date(), { limit: showAll ? OPEN_SHOWN_MAX : OPEN_SHOWN, actionsOnly });
  if (!view) notFound();
  const { team, balance } = view;
  const editable = can(person, "backlog.edit", { teamId: team.id });
  const mayTarget = can(person, "backlog.set-target", { teamId: team.id });
  const open = view.open;
  const complete = actionsOnly || open.length >= view.openCount;
  return (
    <>
      <PageHeader
        eyebrow={<BackLink href={`/teams/${team.slug}`}>{team.name}</BackLink>}
        title={`${team.name} backlog`}
        description="One priority order for product and operational work."
        actions={<ButtonLink href={`/teams/${team.slug}/backlog/export`} prefetch={false}>Export CSV</ButtonLink>}
      />
      <div className="space-y-6">
        {balance.signal ? (
          <section aria-labelledby="signal-heading" className="space-y-3">
            <h2 id="signal-heading" className="sr-only">Reliability signal</h2>
            <BalanceSignal signal={balance.signal} />
            {view.addressing.length ? (
              <Card aria-labelledby="addressing-heading">
                <CardHeader titleId="addressing-heading" title="Operational work that addresses it" description="Open operational items linked to those services, and reliability and incident actions." />
                <ul className="divide-y divide-line" data-testid="addressing-items">
                  {view.addressing.map((item) => (
                    <li key={item.id} className="px-4 py-2 text-sm">
                      <span className="mr-2 tabular-nums text-fg-muted">BL-{item.number}</span>
                      <TextLink href={`/teams/${team.slug}/backlog/items/${item.number}`}>{item.title}</TextLink>
                      <span className="ml-2 text-fg-muted">{itemKind(item)} · {item.estimate ?? "?"} pt · {STATUS_LABEL[item.status]}</span>
                    </li>
                  ))}
                </ul>
              </Card>
            ) : (
              <p className="text-sm">No open operational item addresses it yet: add one below and move it to the top.</p>
            )}
          </section>
        ) : null}

        <Card aria-labelledby="balance-heading">
          <CardHeader titleId="balance-heading" title="Balance" description="Operational against product work, by estimate." />
          <CardContent className="space-y-6">
            <BalanceSummary balance={balance} />
            <DoneShareChart balance={balance} />
            {mayTarget ? <TargetForm action={setTargetShareAction.bind(null, team.slug)} target={team.targetOperationalShare} /> : null}
          </CardContent>
        </Card>

        <Card aria-labelledby="order-heading">
          <CardHeader
            titleId="order-heading"
            title="Priority order"
            description={editable ? "Drag an item by its handle (or focus the handle and use Space and the arrow keys), or use the move buttons." : "Open items, the most important first."}
            actions={
              <nav aria-label="Filter" className="flex gap-3 text-sm">
                {actionsOnly ? <TextLink href={`/teams/${team.slug}/backlog`}>All open items</TextLink> : <span aria-current="page">All open items</span>}
                {actionsOnly ? <span aria-current="page">Improvement actions</span> : <TextLink href={`/teams/${team.slug}/backlog?filter=actions`}>Improvement actions</TextLink>}
              </nav>
            }
          />
          {open.length ? (
            <BacklogList
              key={actionsOnly ? "actions" : "all"}
              items={open.map(toListItem(team.slug))}
              editable={editable}
              reorder={reorderBacklogItemAction.bind(null, team.slug)}
              move={moveBacklogItemAction.bind(null, team.slug)}
              label={actionsOnly ? "Improvement actions in priority order" : "Open items in priority order"}
              complete={complete}
            />
          ) : (
            <CardContent><EmptyState icon={<ListTodo />} title={actionsOnly ? "No open improvement actions" : "Nothing open in this backlog"} /></CardContent>
          )}
        </Card>

        {!complete ? (
          <p className="text-sm">
            The first {open.length} of {view.openCount.toLocaleString("en-GB")} open items. <TextLink href={`/teams/${team.slug}/backlog?show=all`}>Show all</TextLink>
          </p>
        ) : null}
        {editable ? (
          <Card aria-labelledby="add-heading">
            <CardHeader titleId="add-heading" title="Add an item" description="It goes to the bottom of the priority order." />
            <CardContent><ItemForm action={createBacklogItemAction.bind(null, team.slug)} members={view.members} services={view.services} submitLabel="Add item" /></CardContent>
          </Card>
        ) : null}

        {view.done.length ? (
          <Card aria-labelledby="done-heading">
            <CardHeader titleId="done-heading" title="Recently done" />
            <ul className="divide-y divide-line">
              {view.done.map((item) => (
                <li key={item.id} className="flex flex-wrap items-center gap-2 px-4 py-2 text-sm">
                  <span className="tabular-nums text-fg-muted">BL-{item.number}</span>
                  <TextLink href={`/teams/${team.slug}/backlog/items/${item.number}`}>{item.title}</TextLink>
                  <span className="text-fg-muted">{itemKind(item)} · {item.estimate ?? "?"} pt · done {item.doneAt?.toISOString().slice(0, 10)}</span>
                  <ItemBadges item={item} />
                </li>
              ))}
            </ul>
          </Card>
        ) : null}

        {editable ? (
          <Card aria-labelledby="import-heading">
            <CardHeader titleId="import-heading" title="Import from CSV" description="Check the file first: a file with any bad row imports nothing." />
            <CardContent><ImportForm action={importBacklogAction.bind(null, team.slug)} /></CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
