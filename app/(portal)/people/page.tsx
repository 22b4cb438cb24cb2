import { UserRound } from "lucide-react";
import type { Metadata } from "next";
import { PeopleFilters } from "@/components/people/people-filters";
import { PeopleTable } from "@/components/people/people-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/page-access";
import { requirePerson } from "@/lib/auth/session";
import { can } from "@/lib/authz/can";
import { ButtonLink } from "@/components/ui/button";
import { db } from "@/lib/db";
import { searchPeople } from "@/lib/people/queries";
import { parsePeopleFilters } from "@/lib/people/schemas";

export const metadata: Metadata = { title: "People" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const person = await requirePerson();
  requirePermission(person, "catalog.read");
  const filters = parsePeopleFilters(await searchParams);
  const { people, truncated } = await searchPeople(db(), person, filters);
  const filtered = Boolean(filters.q || filters.role);
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone who can sign in to Runwell, with their role and teams."
        actions={can(person, "people.manage") ? <ButtonLink href="/people/new" variant="primary">Add person</ButtonLink> : null}
      />
      <PeopleFilters filters={filters} />
      <p className="mb-3 text-sm text-fg-muted" aria-live="polite">
        {truncated
          ? `Showing the first ${people.length} people; search to narrow the list.`
          : `${people.length} ${people.length === 1 ? "person" : "people"}`}
      </p>
      {people.length ? (
        <PeopleTable people={people} />
      ) : (
        <div className="rounded-lg border border-line bg-surface">
          <EmptyState
            icon={<UserRound />}
            title={filtered ? "Nobody matches" : "No people yet"}
            description={
              filtered
                ? "Try part of a name or email address, or clear the filters."
                : "People are added by an admin, or on their first single sign-on when auto-provisioning is on."
            }
          />
        </div>
      )}
    </>
  );
}
