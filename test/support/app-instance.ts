// test/support/app-process.ts as a child process of the test, driven over IPC: for tests of several
// instances on one PostgreSQL database.
import { fork, type ChildProcess } from "node:child_process";

const root = new URL("../..", import.meta.url).pathname;

export interface Instance {
  child: ChildProcess;
  output: () => string;
  call(request: { type: "set-time"; at: string } | { type: "tick" } | { type: "stop" }): Promise<void>;
}

export function startInstance(env: Record<string, string>): Promise<Instance> {
  const child = fork(new URL("./app-process.ts", import.meta.url).pathname, [], {
    cwd: root,
    execArgv: ["--import", "tsx"],
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      ...(process.env.TZ && { TZ: process.env.TZ }),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += String(chunk)));
  child.stderr!.on("data", (chunk) => (output += String(chunk)));
  let nextId = 1;
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`instance exited (${code}) before it was ready:\n${output}`)));
    child.on("message", (message: "ready" | { id: number; ok: boolean; error?: string }) => {
      if (message === "ready") {
        resolve({
          child,
          output: () => output,
          call: (request) =>
            new Promise<void>((done, fail) => {
              const id = nextId++;
              waiting.set(id, { resolve: done, reject: fail });
              child.send({ id, ...request });
            }),
        });
        return;
      }
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (message.ok) pending?.resolve();
      else pending?.reject(new Error(message.error));
    });
  });
}
