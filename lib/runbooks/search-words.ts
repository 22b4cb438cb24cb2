// What people and alerts type, split into the words the search vector holds: "checkout-api" and
// "CheckoutLatencyP99High" become "checkout api" and "Checkout Latency P99 High" (the migration
// 20261202230000 indexes slugs, tags, alert names and titles the same way). Search syntax survives:
// "quoted phrases", OR and a leading -exclusion are left to websearch_to_tsquery.
export function searchWords(query: string): string {
  return query
    .replace(/(?<=[\p{Ll}\p{N}])(?=\p{Lu})/gu, " ")
    .replace(/(?<=[\p{L}\p{N}])[-_./:]+(?=[\p{L}\p{N}])/gu, " ");
}

/** Prefix terms for the quick-find palette: "checkout-ap" → checkout:* & ap:*. */
export function prefixTerms(query: string): string[] {
  return searchWords(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
}
