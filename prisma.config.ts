// Prisma CLI configuration: migrations run on the WASM schema engine over a pg driver adapter,
// so no native engine is ever downloaded (see docs/ARCHITECTURE.md, "Prisma without engines").
import path from "node:path";
import { defineConfig } from "prisma/config";
// adapter-pg 6.19 cannot read the `name` columns migrate deploy queries (prisma/orm#27403); 7.x can.
import { PrismaPg } from "adapter-pg7";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL, idleTimeoutMillis: 200 });
  },
});
