// Repeat detection (issue 16 item 4): an action raised in a review is a repeat when an earlier
// published review of the same service has an action with a similar title, or an action whose
// contributing factor shares a tag with this action's factor. Pure: the publisher reads the earlier
// actions and stores the link (ReviewAction.repeatOfId).
//
// "Similar" is the Jaccard index of the titles' normalised word sets (lower case, punctuation and
// common filler words dropped, plural and -ing/-ed endings folded) at 0.6 or more: "Add an alert on
// queue depth" and "Alert on the queue depth" match; "Add an alert on disk space" does not.

export const SIMILARITY_THRESHOLD = 0.6;

const FILLER = new Set([
  "a", "an", "the", "to", "of", "for", "and", "or", "on", "in", "at", "by", "with", "we", "our", "it", "its", "is", "be", "so", "that", "this", "from", "into", "when",
]);

function stem(word: string): string {
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** The title's words as a set: lower case, letters and digits only, filler dropped, endings folded. */
export function titleTokens(title: string): Set<string> {
  const words = title.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((word) => word && !FILLER.has(word)).map(stem));
}

/** |A ∩ B| / |A ∪ B|; two empty sets are not similar (0). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export function similarTitles(a: string, b: string): boolean {
  return jaccard(titleTokens(a), titleTokens(b)) >= SIMILARITY_THRESHOLD;
}

export type ActionForRepeat = { title: string; factorTags: readonly string[] };
export type EarlierAction = ActionForRepeat & { id: string; publishedAt: Date };
export type RepeatMatch = { actionId: string; reason: "title" | "tag"; tag?: string };

/**
 * The earlier action this one repeats: the most recently published match, a similar title before a
 * shared tag. Null when it is new.
 */
export function findRepeat(action: ActionForRepeat, earlier: readonly EarlierAction[]): RepeatMatch | null {
  const newestFirst = [...earlier].sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime());
  const byTitle = newestFirst.find((candidate) => similarTitles(action.title, candidate.title));
  if (byTitle) return { actionId: byTitle.id, reason: "title" };
  const tags = new Set(action.factorTags);
  for (const candidate of newestFirst) {
    const tag = candidate.factorTags.find((t) => tags.has(t));
    if (tag) return { actionId: candidate.id, reason: "tag", tag };
  }
  return null;
}
