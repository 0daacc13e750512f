// Entry point of `npm run cli -- …` (installed as `daihoi`).
import { ConfigError, createConfig, loadDotEnv } from "./config.js";
import { runCli } from "./cli/run-cli.js";

loadDotEnv();
try {
  const config = createConfig(process.env);
  process.exitCode = await runCli(
    process.argv.slice(2),
    { config },
    {
      out: (line) => process.stdout.write(`${line}\n`),
      err: (line) => process.stderr.write(`${line}\n`),
    },
  );
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
