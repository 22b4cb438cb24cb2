// The changes list's query string and keyset paging. Pure: the page reads its filters and cursor from
// the URL with parseChangeListParams, queries.ts turns them into one bounded read, and assemblePage
// decides the next and previous cursors. Keyset, not offset: the list is ordered by (createdAt, id),
// newest first, and a page starts strictly after (or before) a row, so changes raised while someone is
// paging do not shift the pages they are on, and page 40 costs what page 1 costs.
import { decodeCursor, encodeCursor, type Cursor } from "../validation/keyset-cursor";
import { STATE_LABELS, type ChangeState } from "./state-machine";

export { decodeCursor, encodeCursor, type Cursor };

export const CHANGE_PAGE_SIZE = 25;
const DAY_MS = 86_400_000;

export const LIST_TYPES = ["STANDARD", "NORMAL", "EMERGENCY"] as const;
export type ListType = (typeof LIST_TYPES)[number];
const STATES = Object.keys(STATE_LABELS) as ChangeState[];

export type ChangeListFilters = {
  state?: ChangeState;
  type?: ListType;
  /** Service slug. */
  service?: string;
  /** Team slug. */
  team?: string;
  /** Free text: a number ("CHG-102", "102") or words of the summary. */
  q?: string;
  /** Raised on or after this UTC day (YYYY-MM-DD). */
  from?: string;
  /** Raised on or before this UTC day (YYYY-MM-DD). */
  to?: string;
};

export type ChangeListQuery = { filters: ChangeListFilters; after?: Cursor; before?: Cursor };

type Params = Record<string, string | string[] | undefined>;

const one = (params: Params, name: string): string => {
  const value = params[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
};

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/**
 * The filters and cursor a URL asks for. A GET filter forgives: a value that is not one of ours is
 * ignored rather than answered with an error (it came from a bookmark or a hand-edited link).
 */
export function parseChangeListParams(params: Params): ChangeListQuery {
  const filters: ChangeListFilters = {};
  const state = one(params, "state");
  if (STATES.includes(state as ChangeState)) filters.state = state as ChangeState;
  const type = one(params, "type");
  if (LIST_TYPES.includes(type as ListType)) filters.type = type as ListType;
  for (const name of ["service", "team"] as const) {
    const slug = one(params, name).toLowerCase();
    if (SLUG.test(slug)) filters[name] = slug;
  }
  const q = one(params, "q").replace(/[\u0000-\u001f]/g, "").slice(0, 100);
  if (q) filters.q = q;
  for (const name of ["from", "to"] as const) {
    const day = one(params, name);
    if (isDay(day)) filters[name] = day;
  }
  const after = decodeCursor(one(params, "after"));
  const before = after ? null : decodeCursor(one(params, "before"));
  return { filters, ...(after ? { after } : {}), ...(before ? { before } : {}) };
}

/** "CHG-102", "chg102" or "102" name change 102; anything else is text to find in summaries. */
export function changeNumberIn(q: string): number | null {
  const match = /^(?:chg-?)?(\d{1,9})$/i.exec(q.trim());
  return match ? Number(match[1]) : null;
}

/** The [from, to) instants of the filter's day range (to is the day after the last day, exclusive). */
export function dayRange(filters: Pick<ChangeListFilters, "from" | "to">): { gte?: Date; lt?: Date } {
  return {
    ...(filters.from ? { gte: new Date(`${filters.from}T00:00:00Z`) } : {}),
    ...(filters.to ? { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) } : {}),
  };
}

/**
 * One page from the rows a keyset read returned. The read asks for size + 1 rows in the direction of
 * travel (newest first after a cursor, oldest first before one), so the extra row says whether there is
 * more that way; that the page was reached through a cursor says there is something the other way.
 */
export function assemblePage<T extends { id: string; createdAt: Date }>(rows: readonly T[], size: number, direction: "after" | "before", fromCursor: boolean) {
  const more = rows.length > size;
  const taken = rows.slice(0, size);
  const items = direction === "before" ? [...taken].reverse() : taken;
  const first = items[0];
  const last = items.at(-1);
  const hasNext = direction === "after" ? more : fromCursor;
  const hasPrevious = direction === "after" ? fromCursor : more;
  return {
    items,
    next: hasNext && last ? { at: last.createdAt, id: last.id } : null,
    previous: hasPrevious && first ? { at: first.createdAt, id: first.id } : null,
  };
}

/** The list's URL for these filters and a page: the filters stay in the query string while paging. */
export function changeListHref(filters: ChangeListFilters, page: { after?: Cursor; before?: Cursor } = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) search.set(name, value);
  if (page.after) search.set("after", encodeCursor(page.after));
  if (page.before) search.set("before", encodeCursor(page.before));
  const query = search.toString();
  return query ? `/changes?${query}` : "/changes";
}
