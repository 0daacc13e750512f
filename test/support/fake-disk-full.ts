// Preloaded into a child process (`node --import tsx --import ./test/support/fake-disk-full.ts …`) to make
// the disk under one directory full, as far as that process can tell: from then on every write that needs a
// new block (fs.writeSync / write past a file's end, writeFileSync / appendFileSync and their promise forms)
// and every new directory under FAKE_DISK_FULL_DIR fails with ENOSPC, exactly as Node reports a full disk.
// Overwriting bytes a file already has still works, as on a real full disk (PostgreSQL's WAL segments are
// preallocated; a table that must grow a page cannot). Reads, opens and renames work too. Nothing else is faked: the database (PGlite, whose files go through Node's fs)
// is real and meets the error in its own write path.
//
// FAKE_DISK_FULL=now: full from the start; FAKE_DISK_FULL=signal: full after SIGUSR2 (the process then prints
// "fake disk full: on"), space again after SIGUSR1 ("fake disk full: off"). No root, tmpfs or loop device is needed, which is why the disk is faked here rather
// than filled.
import fs from "node:fs";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";

const dir = process.env.FAKE_DISK_FULL_DIR ? path.resolve(process.env.FAKE_DISK_FULL_DIR) : null;
let full = process.env.FAKE_DISK_FULL === "now";

if (dir) {
  if (process.env.FAKE_DISK_FULL === "signal") {
    process.on("SIGUSR2", () => {
      full = true;
      process.stderr.write("fake disk full: on\n");
    });
    // Space freed again.
    process.on("SIGUSR1", () => {
      full = false;
      process.stderr.write("fake disk full: off\n");
    });
  }
  const inside = (file: unknown) =>
    typeof file === "string" && (path.resolve(file) + path.sep).startsWith(dir + path.sep);
  const fdPaths = new Map<number, string>();
  const noSpace = (syscall: string, file: string | undefined) => {
    const error = new Error(
      `ENOSPC: no space left on device, ${syscall}${file ? ` '${file}'` : ""}`,
    ) as NodeJS.ErrnoException;
    Object.assign(error, { errno: -28, code: "ENOSPC", syscall, ...(file && { path: file }) });
    return error;
  };
  const fileOf = (target: unknown): string | undefined =>
    typeof target === "number" ? fdPaths.get(target) : inside(target) ? String(target) : undefined;
  // writeSync(fd, buffer, offset, length, position) within the file's current size needs no new block
  const overwrites = (args: unknown[]) => {
    const [fd, buffer, offset, length, position] = args as [number, unknown, unknown, unknown, unknown];
    if (typeof position !== "number" || !ArrayBuffer.isView(buffer)) return false;
    const size = typeof length === "number" ? length : buffer.byteLength - (typeof offset === "number" ? offset : 0);
    return position + size <= fs.fstatSync(fd).size;
  };
  const mutable = fs as unknown as Record<string, (...args: unknown[]) => unknown>;
  const wrap = (name: string, syscall: string) => {
    const original = mutable[name]!;
    mutable[name] = function (this: unknown, ...args: unknown[]) {
      const file = fileOf(args[0]);
      // mkdir -p of a directory that exists needs no space
      const exists = syscall === "mkdir" && file !== undefined && fs.existsSync(file);
      if (full && file !== undefined && !exists && !(typeof args[0] === "number" && overwrites(args))) {
        const error = noSpace(syscall, file);
        const callback = args.at(-1);
        if (typeof callback === "function" && name !== "writeSync" && !name.endsWith("Sync")) {
          process.nextTick(() => (callback as (e: Error) => void)(error));
          return undefined;
        }
        throw error;
      }
      return original.apply(this, args);
    };
  };
  const openSync = fs.openSync;
  mutable.openSync = function (this: unknown, ...args: unknown[]) {
    const fd = (openSync as (...a: unknown[]) => number).apply(this, args);
    if (inside(args[0])) fdPaths.set(fd, String(args[0]));
    return fd;
  };
  const closeSync = fs.closeSync;
  mutable.closeSync = function (this: unknown, ...args: unknown[]) {
    fdPaths.delete(args[0] as number);
    return (closeSync as (...a: unknown[]) => unknown).apply(this, args);
  };
  for (const [name, syscall] of [
    ["writeSync", "write"],
    ["write", "write"],
    ["writeFileSync", "open"],
    ["writeFile", "open"],
    ["appendFileSync", "open"],
    ["appendFile", "open"],
    ["mkdirSync", "mkdir"],
    ["mkdir", "mkdir"],
  ] as const) {
    wrap(name, syscall);
  }
  const promises = fs.promises as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const [name, syscall] of [
    ["writeFile", "open"],
    ["appendFile", "open"],
    ["mkdir", "mkdir"],
  ] as const) {
    const original = promises[name]!;
    promises[name] = async (...args: unknown[]) => {
      if (full && inside(args[0])) throw noSpace(syscall, String(args[0]));
      return original(...args);
    };
  }
  // `import { writeSync } from "node:fs"` in the app binds the original unless the named exports are synced.
  syncBuiltinESMExports();
}
