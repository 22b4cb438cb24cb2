// The raw event's contents, shared by the server-rendered disclosure (history cards, the evidence pack)
// and the audit table's on-demand one. No hooks, no imports: it renders on either side.
export type RawAuditEventFields = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorLabel: string;
  actorKind: string;
  seq: string | null;
  prevHash?: string | null;
  hash?: string | null;
  before: unknown;
  after: unknown;
};

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 2));

export function RawAuditEventBody({ event }: { event: RawAuditEventFields }) {
  return (
    <>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
        <dt>Action</dt><dd className="font-mono">{event.action}</dd>
        <dt>Entity</dt><dd className="font-mono break-all">{event.entityType} {event.entityId}</dd>
        <dt>Actor</dt><dd className="break-all">{event.actorLabel} ({event.actorKind.toLowerCase()})</dd>
        <dt>Chain</dt><dd className="font-mono">{event.seq ? `#${event.seq}` : "not sealed yet"}</dd>
        {event.hash ? (<><dt>Hash</dt><dd className="font-mono break-all">{event.hash}</dd></>) : null}
        {event.prevHash ? (<><dt>Previous hash</dt><dd className="font-mono break-all">{event.prevHash}</dd></>) : null}
        <dt>Event id</dt><dd className="font-mono break-all">{event.id}</dd>
      </dl>
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        <div><div className="font-medium">Before</div><pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-surface-muted p-2 font-mono">{json(event.before)}</pre></div>
        <div><div className="font-medium">After</div><pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-surface-muted p-2 font-mono">{json(event.after)}</pre></div>
      </div>
    </>
  );
}
