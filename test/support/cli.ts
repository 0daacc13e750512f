// Runs the CLI in-process against a test database and captures what it prints.
import type { Clock } from "../../src/clock.js";
import type { Database } from "../../src/db/client.js";
import { runCli } from "../../src/cli/run-cli.js";
import { testConfig } from "./test-config.js";

export interface CliResult {
  code: number;
  out: string[];
  err: string[];
}

export async function cli(
  database: Database,
  args: string[],
  env: Record<string, string> = {},
  clock?: Clock,
): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { config: testConfig(env), database, ...(clock && { clock }) },
    {
      out: (line) => out.push(...line.split("\n")),
      err: (line) => err.push(...line.split("\n")),
    },
  );
  return { code, out, err };
}
