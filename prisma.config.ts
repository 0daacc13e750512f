// Configures the Prisma CLI (used by developers to generate the client and write new migrations).
// The JS schema engine talks to an in-memory PGlite, so no engine binary and no server is needed.
// The application applies migrations itself: see src/db/migrate.ts.
import { defineConfig } from "prisma/config";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  engine: "js",
  experimental: { adapter: true },
  // pglite-prisma-adapter 0.6 is typed against an older @prisma/driver-adapter-utils; same runtime contract.
  adapter: async () => new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory,
});
