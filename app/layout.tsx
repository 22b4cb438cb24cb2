import type { Metadata } from "next";
import localFont from "next/font/local";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { NONCE_HEADER } from "@/lib/http/security-headers";
import "./globals.css";

// Loaded from the installed package: next/font/google needs the network at build time.
const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
});

export const metadata: Metadata = {
  title: { template: "%s · Runwell", default: "Runwell" },
  description: "Services, on-call, runbooks, deployments and changes for teams that build and run their own services.",
  applicationName: "Runwell",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // This page's CSP nonce (proxy.ts): next-themes' inline script, which sets the theme before paint, needs it.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // next-themes sets the theme class before React hydrates, so <html> differs from the server render by design.
    <html lang="en" suppressHydrationWarning className={inter.variable}>
      <body className="min-h-dvh bg-canvas font-sans text-fg antialiased">
        <Providers nonce={nonce}>{children}</Providers>
      </body>
    </html>
  );
}
