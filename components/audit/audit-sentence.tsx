// An audit event as people read it, the one rendering shared by the audit table, the home's latest
// changes, every entity's history card and the evidence pack: the sentence with links to what it
// names, the fields it changed (before → after), the words the person wrote, and the raw event
// (action, ids, chain position, hash, JSON) one click away.
import { TextLink } from "@/components/ui/text-link";
import type { AuditSentence, SentencePart } from "@/lib/audit/sentence-kit";
import { RawAuditEventBody, type RawAuditEventFields } from "./raw-audit-event-body";

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

export type RawAuditEvent = RawAuditEventFields;

/** The event as recorded: what the export and the hash chain hold. */
export function RawAuditEvent({ event }: { event: RawAuditEvent }) {
  return (
    <details className="mt-1 text-xs text-fg-muted print:hidden">
      <summary className="cursor-pointer select-none">Raw event</summary>
      <RawAuditEventBody event={event} />
    </details>
  );
}
