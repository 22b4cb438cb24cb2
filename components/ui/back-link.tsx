import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";

/** The way up from a detail page to its list, shown above the page title. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 font-medium text-fg-muted underline-offset-2 hover:text-fg hover:underline">
      <ChevronLeft aria-hidden="true" className="size-4" />
      {children}
    </Link>
  );
}
