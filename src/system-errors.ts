// Errors of the machine rather than of the person's input: a data directory that cannot be written, a full
// disk. Maps the shapes they arrive in (Node's errno errors, PGlite's file-system errors, PostgreSQL's
// "could not … : No space left on device", the same wrapped by Prisma) to one plain sentence in the person's
// language, saying what is wrong and how to fix it. Pure: no I/O.
import { resolve, sep } from "node:path";
import type { Translate } from "./i18n.js";

export type SystemProblem =
  | { kind: "data-dir-read-only"; path: string }
  | { kind: "data-dir-no-permission"; path: string }
  | { kind: "data-dir-not-a-directory"; path: string }
  | { kind: "data-dir-cannot-create"; path: string }
  | { kind: "disk-full"; path: string | null };

/** Emscripten's errno numbers (PGlite's file system), by name. */
const emscriptenErrno: Record<number, string> = {
  2: "EACCES",
  63: "EPERM",
  69: "EROFS",
  51: "ENOSPC",
  54: "ENOTDIR",
  44: "ENOENT",
  19: "EDQUOT",
};

const strerror: [RegExp, string][] = [
  [/No space left on device/i, "ENOSPC"],
  [/Disk quota exceeded/i, "EDQUOT"],
  [/Read-only file system/i, "EROFS"],
];

interface Found {
  code: string;
  path: string | null;
  syscall: string | null;
}

/**
 * What machine problem `error` is, if it is one, for a program whose embedded data lives in `dataDir`
 * (null on PostgreSQL, where a full disk is the server's). Returns null for anything else.
 */
export function systemProblem(error: unknown, dataDir: string | null): SystemProblem | null {
  const found = findCode(error, 0);
  if (!found) return null;
  const where = found.path ?? dataDir;
  if (found.code === "ENOSPC" || found.code === "EDQUOT") return { kind: "disk-full", path: where };
  // The rest are about writing the data directory; elsewhere (a file named on the command line) they are not ours.
  if (!dataDir || !found.path || !isWithin(found.path, dataDir)) return null;
  if (found.code === "EROFS") return { kind: "data-dir-read-only", path: dataDir };
  if (found.code === "EACCES" || found.code === "EPERM") return { kind: "data-dir-no-permission", path: dataDir };
  if (found.code === "ENOTDIR") return { kind: "data-dir-not-a-directory", path: dataDir };
  if (found.code === "ENOENT" && found.syscall === "mkdir") return { kind: "data-dir-cannot-create", path: dataDir };
  return null;
}

/** The start of the operator's log line for a full disk: "the disk is full (<where>)". */
export function diskFullInLog(problem: SystemProblem): string {
  return `the disk is full${problem.path ? ` (${problem.path})` : ""}`;
}

/** The sentence for a problem, in the language of `t`. */
export function systemProblemMessage(t: Translate, problem: SystemProblem): string {
  if (problem.kind === "disk-full")
    return problem.path ? t("system-disk-full", { path: problem.path }) : t("system-disk-full-server");
  return t(`system-${problem.kind}`, { path: problem.path });
}

function findCode(error: unknown, depth: number): Found | null {
  if (depth > 6 || error === null || typeof error !== "object") return null;
  const value = error as Record<string, unknown>;
  const path = typeof value.path === "string" ? value.path : null;
  const syscall = typeof value.syscall === "string" ? value.syscall : null;
  // Node: { code: "ENOSPC", syscall, path }
  if (typeof value.code === "string" && /^E[A-Z]+$/.test(value.code)) return { code: value.code, path, syscall };
  // PGlite's file system: ErrnoError { errno: 51 }
  if (value.name === "ErrnoError" && typeof value.errno === "number" && emscriptenErrno[value.errno]) {
    return { code: emscriptenErrno[value.errno]!, path, syscall };
  }
  // PostgreSQL (PGlite or a server), also inside Prisma's errors: SQLSTATE 53100 disk_full, or the OS message.
  const message = typeof value.message === "string" ? value.message : "";
  if (value.code === "53100" || value.originalCode === "53100") return { code: "ENOSPC", path: null, syscall: null };
  for (const [pattern, code] of strerror) if (pattern.test(message)) return { code, path: null, syscall: null };
  for (const key of ["cause", "meta", "driverAdapterError"]) {
    const inner = findCode(value[key], depth + 1);
    if (inner) return inner;
  }
  return null;
}

function isWithin(file: string, dir: string): boolean {
  const f = resolve(file);
  const d = resolve(dir);
  return f === d || f.startsWith(d + sep) || d.startsWith(f + sep);
}
