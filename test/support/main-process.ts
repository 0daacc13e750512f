// The real `npm start` entry point (src/main.ts) as a child process, its output collected.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

const root = new URL("../..", import.meta.url).pathname;

export interface RunningMain {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

/** `preload`: modules imported before the app (e.g. test/support/fake-disk-full.ts). */
export function startMain(env: Record<string, string>, preload: readonly string[] = []): RunningMain {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", ...preload.flatMap((module) => ["--import", module]), "src/main.ts"],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        ...(process.env.TZ && { TZ: process.env.TZ }),
        LOG_LEVEL: "info",
        ...env,
      },
    },
  );
  let output = "";
  child.stdout.on("data", (chunk) => (output += String(chunk)));
  child.stderr.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the output holds `text` (`times` times); the limit only stops a test that would hang (a loaded machine is slow). */
export async function waitForOutput(running: RunningMain, text: string, timeoutMs = 120_000, times = 1): Promise<void> {
  await waitUntil(
    () => running.output().split(text).length - 1 >= times,
    () => `"${text}"; output so far:\n${running.output()}`,
    timeoutMs,
  );
}

/**
 * Resolves once `condition` holds, checked every 50 ms: a child's output (or anything it changes outside this
 * process) wakes nothing here. The limit only stops a test that would hang; `what` names what was awaited.
 */
export async function waitUntil(condition: () => boolean, what: () => string, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
