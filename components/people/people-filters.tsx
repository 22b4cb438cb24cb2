import { Button, ButtonLink } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { ROLE_LABEL, ROLES } from "@/lib/people/roles";
import type { TPeopleFilters } from "@/lib/people/schemas";

/** A plain GET form: the filters live in the URL, so a search works without JavaScript and can be shared. */
export function PeopleFilters({ filters }: { filters: TPeopleFilters }) {
  const active = Boolean(filters.q || filters.role);
  return (
    <form
      method="get"
      action="/people"
      role="search"
      aria-label="Filter people"
      className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-4"
    >
      <Field id="q" label="Search" className="min-w-56 flex-1">
        {(control) => <Input {...control} name="q" type="search" placeholder="Name or email" defaultValue={filters.q ?? ""} />}
      </Field>
      <Field id="role" label="Role" className="w-full sm:w-56">
        {(control) => (
          <Select {...control} name="role" defaultValue={filters.role ?? ""}>
            <option value="">All roles</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABEL[role]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Search
        </Button>
        {active ? (
          <ButtonLink href="/people" variant="ghost">
            Clear
          </ButtonLink>
        ) : null}
      </div>
    </form>
  );
}
