// `npm install` (postinstall): prepares the sandbox's ready-made database (src/sandbox/sandbox-seed.ts) so
// that `npm start` without a token is up in a few seconds. Best effort: without it the sandbox builds its
// database on first start, a few seconds slower, so a failure here never fails the install.
import { openDatabase } from "../src/db/client.js";
import { demoOrganisationFile } from "../src/sandbox/run-sandbox.js";
import { readSandboxSeed, writeSandboxSeed } from "../src/sandbox/sandbox-seed.js";
import { importDemoIfEmpty } from "../src/sandbox/setup.js";

try {
  if (readSandboxSeed(demoOrganisationFile)) process.exit(0);
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    await database.migrate();
    await importDemoIfEmpty(database.prisma, demoOrganisationFile);
    const file = await writeSandboxSeed(database, demoOrganisationFile);
    process.stdout.write(`sandbox: demo database prepared (${file})\n`);
  } finally {
    await database.close();
  }
} catch (error) {
  process.stderr.write(
    `sandbox: could not prepare the demo database now; the sandbox will build it on first start (${error instanceof Error ? error.message : String(error)})\n`,
  );
}
