// URLs of runbook pages, shared by pages, the lookup API and the palette.
export const runbookPath = (serviceSlug: string, runbookSlug: string) => `/runbooks/${serviceSlug}/${runbookSlug}`;
export const runbookEditPath = (serviceSlug: string, runbookSlug: string) => `${runbookPath(serviceSlug, runbookSlug)}/edit`;
export const runbookHistoryPath = (serviceSlug: string, runbookSlug: string) => `${runbookPath(serviceSlug, runbookSlug)}/history`;
export const newRunbookPath = (serviceSlug: string) => `/runbooks/new?service=${encodeURIComponent(serviceSlug)}`;
