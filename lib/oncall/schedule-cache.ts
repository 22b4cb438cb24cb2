// In-process cache of what on-call answers are computed from (a schedule's loaded rows and shifts),
// keyed by the schedule's version stamp in the database. Triggers change the stamp in the same
// transaction as any change to the schedule's inputs (migration 20261127030000_oncall_version), so:
// read the stamps first, then reuse an entry only if its stamp is the one just read. A change made by
// this process or any other is seen by the next read; data read after the stamp is never older than it.
// Stamps come from a sequence and are never reused, so an entry built inside a transaction that rolls
// back can never match again. Entries also carry the time window they were computed for: an entry is
// used only while that window still covers what the caller asks for.
export class ScheduleCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly maxEntries = 5_000) {}

  /** The value stored for this schedule at this stamp, if `fits` accepts it (its window covers the request). */
  get(id: string, version: string, fits: (value: T) => boolean): T | undefined {
    const entry = this.entries.get(id);
    return entry && entry.version === version && fits(entry.value) ? entry.value : undefined;
  }

  /** Stores a value computed from data read after `version` was read. */
  set(id: string, version: string, value: T): void {
    if (!this.entries.has(id) && this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(id, { version, value });
  }

  /** Drops schedules that are no longer live (archived or deleted). */
  keepOnly(ids: ReadonlySet<string>): void {
    for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
  }

  clear(): void {
    this.entries.clear();
  }
}
