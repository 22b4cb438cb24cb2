"use client";

import { ThemeProvider } from "next-themes";
import type { ReactNode } from "react";

/** `nonce`: the page's CSP nonce, for the inline script next-themes renders. */
export function Providers({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
      {children}
    </ThemeProvider>
  );
}
