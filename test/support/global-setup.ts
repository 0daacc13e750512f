// Creating an embedded database runs initdb inside WebAssembly (3–4 s). It is done once per run: the
// migrated database is dumped here, and each test file starts its own copy from the dump (~1 s).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "daihoi-template-"));
  const file = path.join(dir, "migrated.tar");
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  await database.migrate();
  const dump = await database.dumpDataDir!();
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide("pgliteTemplate", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
