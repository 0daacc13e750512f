// PGlite is a single-process database: a second process opening the same directory would corrupt it.
// A lock file with the owner's pid (and, on a second line, which program it is: "bot", "cli org import")
// makes the CLI refuse politely while the bot runs, and say who holds it.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { Translate } from "../i18n.js";

export interface DataDirLock {
  release(): void;
}

/** Who holds the lock: "bot" (npm start), "cli <command>", or unknown (an older lock file, a test). */
let ownerLabel: string | undefined;

/** Names this process in the lock files it writes (main.ts: "bot"; the CLI: "cli org import"). */
export function setDataDirOwner(label: string): void {
  ownerLabel = label.replace(/\s+/g, " ").trim();
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly owner?: string,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid}${owner ? ` (${owner})` : " (is the bot running?)"}. ` +
        "Stop it first, or run both on PostgreSQL (DATABASE_URL).",
    );
  }

  /** The same in the person's language, with what to do. */
  explain(t: Translate): string {
    const args = { path: this.dataDir, pid: String(this.pid) }; // a pid, not a number to format (24.069)
    if (this.owner === "bot") return t("data-dir-locked-bot", args);
    if (this.owner?.startsWith("cli"))
      return t("data-dir-locked-cli", { ...args, command: this.owner.replace(/^cli\s*/, "") || "cli" });
    return t("data-dir-locked-other", args);
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = path.join(dataDir, "owner.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, "wx");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const [pidLine, label] = readFileSync(file, "utf8").split("\n");
      const owner = Number.parseInt(pidLine ?? "", 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner)) {
        throw new DataDirLockedError(dataDir, owner, label?.trim() || undefined);
      }
      rmSync(file, { force: true }); // left behind by a process that died
      continue;
    }
    try {
      writeSync(fd, ownerLabel ? `${process.pid}\n${ownerLabel}\n` : String(process.pid));
    } catch (error) {
      // A full disk: leave no empty lock file behind.
      closeSync(fd);
      rmSync(file, { force: true });
      throw error;
    }
    closeSync(fd);
    return { release: () => rmSync(file, { force: true }) };
  }
  throw new Error(`could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
