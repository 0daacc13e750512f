// A new sandbox starts from a ready-made copy of the embedded database (migrated, demo organisation
// imported) instead of running initdb in WebAssembly and importing the demo (~6 s of its first start).
// The copy is made by `npm install` (scripts/build-sandbox-seed.ts) or by the first sandbox that had to
// build its database itself, and kept in node_modules/.cache: a generated file, never committed. Its name
// carries a hash of the migrations and the demo's files, so a copy made from other ones is never used.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Database } from "../db/client.js";
import type { DemoFiles } from "./setup.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const migrationsDir = path.join(projectRoot, "prisma", "migrations");
const cacheDir = path.join(projectRoot, "node_modules", ".cache", "tro-ly-dai-hoi");

export function sandboxSeedFile(demo: DemoFiles, timeZone: string): string {
  const hash = createHash("sha256");
  for (const name of readdirSync(migrationsDir).sort()) {
    const file = path.join(migrationsDir, name, "migration.sql");
    if (existsSync(file)) hash.update(name).update(readFileSync(file));
  }
  hash.update(readFileSync(demo.organisation));
  if (demo.progress) hash.update(readFileSync(demo.progress));
  // The progress's reports are stored at an hour of the office's day: a copy made in another zone differs.
  hash.update(timeZone);
  return path.join(cacheDir, `sandbox-seed-${hash.digest("hex").slice(0, 16)}.tar`);
}

/** The ready-made database for this demo file and these migrations, or null when there is none. */
export function readSandboxSeed(demo: DemoFiles, timeZone: string): Blob | null {
  const file = sandboxSeedFile(demo, timeZone);
  return existsSync(file) ? new Blob([readFileSync(file)]) : null;
}

/** Saves the database's current state (migrated, demo imported, nothing else) as the seed. */
export async function writeSandboxSeed(database: Database, demo: DemoFiles, timeZone: string): Promise<string> {
  if (!database.dumpDataDir) throw new Error("only the embedded database can be saved as a sandbox seed");
  const file = sandboxSeedFile(demo, timeZone);
  mkdirSync(path.dirname(file), { recursive: true });
  const dump = Buffer.from(await (await database.dumpDataDir()).arrayBuffer());
  // Written aside and renamed: a sandbox starting meanwhile never reads half a file.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, dump);
  renameSync(partial, file);
  return file;
}
