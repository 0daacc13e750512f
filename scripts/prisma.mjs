#!/usr/bin/env node
// Runs the Prisma CLI the way this project needs it, with no engine download:
// - the schema's datasource reads env("DATABASE_URL"); when the CLI cannot resolve it, Prisma 6 falls back
//   to fetching a query-engine binary and fails offline, so a placeholder is set (the app never reads it:
//   queries go through driver adapters, see src/db/client.ts);
// - the JS schema engine on PGlite needs the advisory lock disabled.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const cli = require.resolve("prisma/build/index.js");
const env = {
  ...process.env,
  DATABASE_URL: process.env.DATABASE_URL || "postgresql://placeholder.invalid/unused",
  PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(result.status ?? 1);
