import { Badge, type BadgeTone } from "@/components/ui/badge";
import { controlClasses } from "@/components/ui/input";
import type { FormState } from "@/lib/forms/initial-form-state";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;
export const control = `${controlClasses} h-9`;
export const area = `${controlClasses} py-2`;

const TONE: Record<ReviewStatus, BadgeTone> = { COLLECTING: "warning", DRAFTING: "info", PUBLISHED: "success" };
const WORDS: Record<ReviewStatus, string> = { COLLECTING: "Collecting analyses", DRAFTING: "Joint review", PUBLISHED: "Published" };

export function ReviewStatusBadge({ status }: { status: ReviewStatus }) {
  return <Badge tone={TONE[status]}>{WORDS[status]}</Badge>;
}

export function Tags({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Tags">
      {tags.map((tag) => <li key={tag}><a href={`/reviews?tag=${encodeURIComponent(tag)}`} className="rounded bg-surface-muted px-1.5 py-0.5 text-xs text-fg-muted hover:underline">#{tag}</a></li>)}
    </ul>
  );
}

/** A day for a date field, from a due instant. */
export const dayValue = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
/** datetime-local wants wall time without a zone; we show and read UTC (the form says so). */
export const utcLocal = (date: Date | null) => (date ? date.toISOString().slice(0, 16) : "");

export function Paragraphs({ text, empty }: { text: string; empty: string }) {
  return text.trim() ? <p className="whitespace-pre-wrap text-sm">{text}</p> : <p className="text-sm text-fg-muted">{empty}</p>;
}
