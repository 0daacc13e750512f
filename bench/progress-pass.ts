// One database's pass of the progress benchmark, in a process of its own so that its peak RSS is its
// own: `progress-pass.ts pglite|postgres RESULT_FILE`. Progress goes to stderr, the result to RESULT_FILE.
import { writeFileSync } from "node:fs";
import { measure, openPassDatabase } from "./progress.js";

const [kind, out] = process.argv.slice(2);
if ((kind !== "pglite" && kind !== "postgres") || !out) {
  process.stderr.write("usage: progress-pass.ts pglite|postgres RESULT_FILE\n");
  process.exit(2);
}
try {
  const { database, drop } = await openPassDatabase(kind);
  try {
    const result = await measure(database, kind, (line) => process.stderr.write(`${line}\n`));
    writeFileSync(out, JSON.stringify(result));
  } finally {
    await drop();
  }
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
