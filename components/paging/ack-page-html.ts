// The acknowledge link's page as plain HTML: a route handler serves it (it must answer 4xx for a bad
// link, which a page cannot), with no script at all, so it works under the strict CSP and in any
// mail client's browser. The button is a form POST: fetching the link (GET) never acknowledges.
import type { AckLinkView } from "@/lib/incidents/paging/acknowledge-from-link";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function ackPageHtml(view: AckLinkView, action: string): string {
  const incident = view.incident;
  const details = incident
    ? `<dl style="margin:1rem 0;display:grid;grid-template-columns:auto 1fr;gap:.25rem 1rem">
<dt>Incident</dt><dd style="margin:0">INC-${incident.number}: ${escapeHtml(incident.title)}</dd>
<dt>Service</dt><dd style="margin:0">${escapeHtml(incident.serviceName)}</dd>
<dt>Status</dt><dd style="margin:0" data-testid="incident-status">${escapeHtml(incident.status.toLowerCase())}</dd>
${view.personName ? `<dt>As</dt><dd style="margin:0">${escapeHtml(view.personName)}</dd>` : ""}
</dl>`
    : "";
  const button = view.canAcknowledge
    ? `<form method="post" action="${escapeHtml(action)}"><button type="submit" style="font:inherit;padding:.5rem 1.25rem;border-radius:.375rem;border:0;background:#1d4ed8;color:#fff;cursor:pointer">Acknowledge</button></form>`
    : "";
  const link = incident ? `<p><a href="/incidents/${escapeHtml(incident.id)}">Open the incident in Runwell</a> (signing in if needed).</p>` : `<p><a href="/">Go to Runwell</a></p>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(view.heading)} · Runwell</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:36rem;margin:3rem auto;padding:0 1rem">
<main id="main-content">
<h1 style="font-size:1.5rem">${escapeHtml(view.heading)}</h1>
<p${view.status >= 400 ? ' role="alert"' : ""}>${escapeHtml(view.message)}</p>
${details}
${button}
${link}
</main></body></html>`;
}
