// Browsers send a textarea's line breaks as CRLF (the HTML spec says so), the API and the CLI send
// what the caller typed, and the stored revisions are LF. Compared line by line, a CRLF text differs
// from its LF twin on every line, so every saved revision used to diff as "everything changed".
// Every runbook and template body is stored with LF line breaks and no trailing whitespace at its end.
export function normaliseRunbookText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\s+$/u, "");
}
