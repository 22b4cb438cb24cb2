"use client";

// The audit table's "Raw event": the page holds only the event's id, and the first time someone opens
// the disclosure its JSON, chain position and hashes are fetched (GET /api/v1/audit/events/{id}, which
// checks audit.read). Fifty rows of JSON stay out of the page's HTML and its React payload.
import { useState, type SyntheticEvent } from "react";
import { RawAuditEventBody, type RawAuditEventFields } from "./raw-audit-event-body";

type State = { kind: "idle" } | { kind: "loading" } | { kind: "loaded"; event: RawAuditEventFields } | { kind: "failed"; message: string };

export function RawAuditEventOnDemand({ id }: { id: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });

  async function load(event: SyntheticEvent<HTMLDetailsElement>) {
    if (!event.currentTarget.open || state.kind === "loading" || state.kind === "loaded") return;
    setState({ kind: "loading" });
    try {
      const response = await fetch(`/api/v1/audit/events/${encodeURIComponent(id)}`, { headers: { accept: "application/json" } });
      if (!response.ok) {
        setState({ kind: "failed", message: response.status === 403 ? "You may not read the audit trail." : `The raw event could not be loaded (${response.status}). Close and open to try again.` });
        return;
      }
      setState({ kind: "loaded", event: (await response.json()) as RawAuditEventFields });
    } catch {
      setState({ kind: "failed", message: "The raw event could not be loaded. Close and open to try again." });
    }
  }

  return (
    <details className="mt-1 text-xs text-fg-muted print:hidden" onToggle={load}>
      <summary className="cursor-pointer select-none">Raw event</summary>
      {state.kind === "loaded" ? <RawAuditEventBody event={state.event} /> : null}
      {state.kind === "loading" ? <p role="status">Loading the raw event…</p> : null}
      {state.kind === "failed" ? <p role="alert">{state.message}</p> : null}
    </details>
  );
}
