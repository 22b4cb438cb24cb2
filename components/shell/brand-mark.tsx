/** The Runwell mark: a pulse line in a rounded square. Decorative; the word beside it names the link. */
export function BrandMark() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="size-7 shrink-0">
      <rect width="24" height="24" rx="6" className="fill-brand-600" />
      <path
        d="M4.5 12.5h3.5l2-4.5 3.5 8 2-3.5h4"
        fill="none"
        stroke="white"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
