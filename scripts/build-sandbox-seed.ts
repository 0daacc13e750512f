// `npm install` (postinstall): prepares the sandbox's ready-made database (src/sandbox/sandbox-seed.ts) so
// that `npm start` without a token is up in a few seconds. Best effort: without it the sandbox builds its
// database on first start, a few seconds slower, so a failure here never fails the install.
import { openDatabase } from "../src/db/client.js";
import { demoFiles } from "../src/sandbox/run-sandbox.js";
import { readSandboxSeed, writeSandboxSeed } from "../src/sandbox/sandbox-seed.js";
import { importDemoIfEmpty } from "../src/sandbox/setup.js";

// The zone the sandbox runs in unless APP_TIMEZONE says otherwise (a seed made for another zone is not used).
const timeZone = process.env.APP_TIMEZONE || "Asia/Ho_Chi_Minh";
try {
  if (readSandboxSeed(demoFiles, timeZone)) process.exit(0);
  const database = await openDatabase({ kind: "pglite", dataDir: null });
  try {
    await database.migrate();
    await importDemoIfEmpty({ prisma: database.prisma, timeZone }, demoFiles);
    const file = await writeSandboxSeed(database, demoFiles, timeZone);
    process.stdout.write(`sandbox: demo database prepared (${file})\n`);
  } finally {
    await database.close();
  }
} catch (error) {
  process.stderr.write(
    `sandbox: could not prepare the demo database now; the sandbox will build it on first start (${error instanceof Error ? error.message : String(error)})\n`,
  );
}
