/** A date field's day (YYYY-MM-DD) is due at the end of the working day, 17:00 UTC; an instant is kept. */
export function dueInstant(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  return new Date(value.length === 10 ? `${value}T17:00:00Z` : value);
}
