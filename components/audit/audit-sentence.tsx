// An audit event as people read it, the one rendering shared by the audit table, the home's latest
// changes, every entity's history card and the evidence pack: the sentence with links to what it
// names, the fields it changed (before → after), the words the person wrote, and the raw event
// (action, ids, chain position, hash, JSON) one click away.
import { TextLink } from "@/components/ui/text-link";
import type { AuditSentence, SentencePart } from "@/lib/audit/sentence-kit";

function Part({ part }: { part: SentencePart }) {
  if (typeof part === "string") return <>{part}</>;
  return part.href ? <TextLink href={part.href} className="font-medium">{part.text}</TextLink> : <span className="font-medium">{part.text}</span>;
}

export function AuditSentenceView({ sentence, className }: { sentence: AuditSentence; className?: string }) {
  return (
    <div className={className}>
      <p>
        {sentence.parts.map((part, index) => <Part key={index} part={part} />)}
        {sentence.note ? <span className="text-fg-muted">: “{sentence.note}”</span> : null}
      </p>
      {sentence.changes.length ? (
        <ul className="mt-1 list-disc pl-5 text-xs text-fg-muted" aria-label="Fields changed">
          {sentence.changes.map((change) => (
            <li key={change.field}>
              {change.opaque ? (
                <><span className="font-medium text-fg">{change.label}</span> changed</>
              ) : (
                <><span className="font-medium text-fg">{change.label}</span>: {change.from} → {change.to}</>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export type RawAuditEvent = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  actorLabel: string;
  actorKind: string;
  seq: string | null;
  hash?: string | null;
  before: unknown;
  after: unknown;
};

const json = (value: unknown) => (value === null || value === undefined ? "—" : JSON.stringify(value, null, 2));

/** The event as recorded: what the export and the hash chain hold. */
export function RawAuditEvent({ event }: { event: RawAuditEvent }) {
  return (
    <details className="mt-1 text-xs text-fg-muted print:hidden">
      <summary className="cursor-pointer select-none">Raw event</summary>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
        <dt>Action</dt><dd className="font-mono">{event.action}</dd>
        <dt>Entity</dt><dd className="font-mono break-all">{event.entityType} {event.entityId}</dd>
        <dt>Actor</dt><dd className="break-all">{event.actorLabel} ({event.actorKind.toLowerCase()})</dd>
        <dt>Chain</dt><dd className="font-mono">{event.seq ? `#${event.seq}` : "not sealed yet"}</dd>
        {event.hash ? (<><dt>Hash</dt><dd className="font-mono break-all">{event.hash}</dd></>) : null}
        <dt>Event id</dt><dd className="font-mono break-all">{event.id}</dd>
      </dl>
      <div className="mt-1 grid gap-2 sm:grid-cols-2">
        <div><div className="font-medium">Before</div><pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-surface-muted p-2 font-mono">{json(event.before)}</pre></div>
        <div><div className="font-medium">After</div><pre className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-surface-muted p-2 font-mono">{json(event.after)}</pre></div>
      </div>
    </details>
  );
}
