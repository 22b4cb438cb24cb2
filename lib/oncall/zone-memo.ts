// In-process memo for deterministic time-zone arithmetic (an instant from a zone, a wall-clock time and
// a day count). The zone offset lookups behind it dominate the shift engine's cost, and every request
// asks for the same handoffs again; the key holds every input, so a hit is always the right answer.
const cache = new Map<string, number>();
const MAX_ENTRIES = 200_000;

export function memoMillis(key: string, compute: () => number): number {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_ENTRIES) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}
