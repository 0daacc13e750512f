#!/usr/bin/env node
// Writes prisma/migrations/<timestamp>_<name>/migration.sql for the changes made to prisma/schema.prisma
// since the last commit. It diffs the committed schema against the working one, so it needs no
// database and no shadow database (the JS schema engine cannot replay multi-statement migrations).
// Usage: npm run db:new-migration -- add_reminder_pauses
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- NAME   (NAME in lower_snake_case)");
  process.exit(2);
}
const previous = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "previous.prisma");
writeFileSync(previous, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
const diff = spawnSync(
  process.execPath,
  [
    "scripts/prisma.mjs",
    "migrate",
    "diff",
    "--from-schema-datamodel",
    previous,
    "--to-schema-datamodel",
    "prisma/schema.prisma",
    "--script",
  ],
  { encoding: "utf8" },
);
if (diff.status !== 0) {
  console.error(diff.stderr || diff.stdout);
  process.exit(diff.status ?? 1);
}
if (/^-- This is an empty migration\.\s*$/.test(diff.stdout.trim()) || diff.stdout.trim() === "") {
  console.log("prisma/schema.prisma has no changes since the last commit: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), diff.stdout);
console.log(`Wrote ${path.join(dir, "migration.sql")}. Review it, then commit it with the schema change.`);
