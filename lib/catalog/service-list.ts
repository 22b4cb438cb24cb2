// The catalogue list's query string and keyset paging. Pure: the page reads its filters and cursor
// from the URL with parseServiceListParams, queries.ts turns them into one bounded read, and
// assembleServicePage decides the next and previous cursors. The list is ordered by (owning team's
// name, service name, id); a cursor is the id of the row a page starts after (or before), and the read
// looks that row's names up, so a page costs the same wherever it is and the URL stays short. 50 a
// page, as Backstage's catalogue table pages.
import { ZServiceFilters, type TServiceFilters } from "./schemas";

export const SERVICE_PAGE_SIZE = 50;

export type ServiceListQuery = { filters: TServiceFilters; after?: string; before?: string };

type Params = Record<string, string | string[] | undefined>;

const one = (params: Params, name: string): string | undefined => {
  const value = params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() || undefined;
};

/** Service ids (cuids, or the benches' generated ids): anything else is not one of ours. */
const SERVICE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * The filters and cursor a URL asks for. A GET filter forgives: a value that is not one of ours is
 * ignored rather than answered with an error (it came from a bookmark or a hand-edited link).
 */
export function parseServiceListParams(params: Params): ServiceListQuery {
  const filters = ZServiceFilters.parse(Object.fromEntries(["q", "team", "domain", "tier", "target", "lifecycle", "archived"].map((name) => [name, one(params, name)])));
  const defined = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== "")) as TServiceFilters;
  const after = one(params, "after");
  const before = one(params, "before");
  if (after && SERVICE_ID.test(after)) return { filters: defined, after };
  if (before && SERVICE_ID.test(before)) return { filters: defined, before };
  return { filters: defined };
}

/**
 * One page from the rows a keyset read returned. The read asks for size + 1 rows in the direction of
 * travel (forwards after a cursor, backwards before one), so the extra row says whether there is more
 * that way; that the page was reached through a cursor says there is something the other way.
 */
export function assembleServicePage<T extends { id: string }>(rows: readonly T[], size: number, direction: "after" | "before", fromCursor: boolean) {
  const more = rows.length > size;
  const taken = rows.slice(0, size);
  const items = direction === "before" ? [...taken].reverse() : taken;
  const hasNext = direction === "after" ? more : fromCursor;
  const hasPrevious = direction === "after" ? fromCursor : more;
  return { items, next: hasNext ? (items.at(-1)?.id ?? null) : null, previous: hasPrevious ? (items[0]?.id ?? null) : null };
}

/** The list's URL for these filters and a page: the filters stay in the query string while paging. */
export function serviceListHref(filters: TServiceFilters, page: { after?: string; before?: string } = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) search.set(name, value);
  if (page.after) search.set("after", page.after);
  if (page.before) search.set("before", page.before);
  const query = search.toString();
  return query ? `/services?${query}` : "/services";
}
