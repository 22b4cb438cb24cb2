/** Next's searchParams as plain strings: the first value of repeated keys, empty strings dropped. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) || undefined]));
}
