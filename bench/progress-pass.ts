// One step of one database's pass of the progress benchmark, in a process of its own so that its peak
// RSS is its own: `progress-pass.ts generate|measure|naive pglite|postgres DATA_DIR|URL RESULT_FILE`.
// `generate` builds the country and writes its result to RESULT_FILE; `measure` (the set-based queries)
// and then `naive` (the baseline) open the same database, read the result so far and add theirs.
// Progress goes to stderr.
import { readFileSync, writeFileSync } from "node:fs";
import { openDatabase } from "../src/db/client.js";
import { generate, measure, measureNaive, type GenerateResult, type MeasureResult } from "./progress.js";

const [step, kind, where, out] = process.argv.slice(2);
if (
  (step !== "generate" && step !== "measure" && step !== "naive") ||
  (kind !== "pglite" && kind !== "postgres") ||
  !where ||
  !out
) {
  process.stderr.write("usage: progress-pass.ts generate|measure|naive pglite|postgres DATA_DIR|URL RESULT_FILE\n");
  process.exit(2);
}
try {
  const database = await openDatabase(kind === "pglite" ? { kind, dataDir: where } : { kind, url: where });
  try {
    const log = (line: string) => process.stderr.write(`${line}\n`);
    if (step === "generate") {
      await database.migrate();
      writeFileSync(out, JSON.stringify(await generate(database, log)));
    } else if (step === "measure") {
      const generation = JSON.parse(readFileSync(out, "utf8")) as GenerateResult;
      writeFileSync(out, JSON.stringify(await measure(database, kind, generation)));
    } else {
      const measured = JSON.parse(readFileSync(out, "utf8")) as MeasureResult;
      writeFileSync(out, JSON.stringify(await measureNaive(database, measured)));
    }
  } finally {
    await database.close();
  }
  process.exit(0);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
