import { describe, expect, it } from "vitest";
import { createI18n, translatorFor } from "../../src/i18n.js";
import { systemProblem, systemProblemMessage } from "../../src/system-errors.js";

const i18n = createI18n({ defaultLocale: "vi" });
const vi = translatorFor(i18n, "vi");
const en = translatorFor(i18n, "en");

const errno = (code: string, syscall: string, path: string) =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

describe("machine errors in plain words", () => {
  it("when DATA_DIR is read-only, then it says so and how to fix it", () => {
    const problem = systemProblem(errno("EROFS", "mkdir", "/srv/data/pglite"), "/srv/data");
    expect(problem).toEqual({ kind: "data-dir-read-only", path: "/srv/data" });
    expect(systemProblemMessage(vi, problem!)).toBe(
      "Không ghi được vào thư mục dữ liệu /srv/data (DATA_DIR): thư mục này chỉ đọc. Đồng chí hãy đặt DATA_DIR là thư mục có quyền ghi, ví dụ DATA_DIR=./data",
    );
    expect(systemProblemMessage(en, problem!)).toBe(
      "Cannot write to the data directory /srv/data (DATA_DIR): it is read-only. Set DATA_DIR to a directory you can write to, e.g. DATA_DIR=./data",
    );
  });

  it("when DATA_DIR may not be written, or its parent is missing, or a file is in the way, then each is told apart", () => {
    expect(systemProblem(errno("EACCES", "mkdir", "/srv/data/pglite"), "/srv/data")?.kind).toBe(
      "data-dir-no-permission",
    );
    expect(systemProblem(errno("EPERM", "open", "/srv/data/pglite/owner.pid"), "/srv/data")?.kind).toBe(
      "data-dir-no-permission",
    );
    expect(systemProblem(errno("ENOENT", "mkdir", "/proc/x/pglite"), "/proc/x")?.kind).toBe("data-dir-cannot-create");
    expect(systemProblem(errno("ENOTDIR", "mkdir", "/etc/hosts/data/pglite"), "/etc/hosts/data")?.kind).toBe(
      "data-dir-not-a-directory",
    );
    // relative DATA_DIR, absolute path in the error
    expect(systemProblem(errno("EACCES", "mkdir", `${process.cwd()}/data/pglite`), "./data")?.kind).toBe(
      "data-dir-no-permission",
    );
  });

  it("when the permission error is about another file (an --out file), then it is not called a data directory problem", () => {
    expect(systemProblem(errno("EACCES", "open", "/root/out.xlsx"), "/srv/data")).toBeNull();
    expect(systemProblem(errno("ENOENT", "open", "/srv/data/org.yaml"), "/srv/data")).toBeNull();
    expect(systemProblem(new Error("boom"), "/srv/data")).toBeNull();
    expect(systemProblem("a string", "/srv/data")).toBeNull();
    expect(systemProblem(errno("EACCES", "mkdir", "/srv/data/pglite"), null)).toBeNull();
  });

  it("when the disk is full, in any of its shapes, then it says so and what to do", () => {
    const node = errno("ENOSPC", "write", "/srv/data/pglite/owner.pid");
    const pglite = Object.assign(new Error("FS error"), { name: "ErrnoError", errno: 51 });
    const postgres = Object.assign(new Error('could not extend file "base/5/16395": No space left on device'), {
      code: "53100",
      severity: "ERROR",
    });
    const wal = Object.assign(
      new Error(
        'could not write to log file "000000010000000000000001" at offset 7503872, length 8192: No space left on device',
      ),
      { severity: "PANIC" },
    );
    const prisma = Object.assign(new Error("Invalid `prisma.reportEvent.create()` invocation"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { originalCode: "53100", originalMessage: "could not extend file" } } },
    });
    const wrapped = new Error(
      'Invalid invocation: could not write to file "pg_wal/xlogtemp.12": No space left on device',
    );
    const quota = errno("EDQUOT", "write", "/srv/data/x");
    const caused = new Error("could not start", { cause: node });
    for (const error of [node, pglite, postgres, wal, prisma, wrapped, quota, caused]) {
      expect(systemProblem(error, "/srv/data")?.kind, String(error)).toBe("disk-full");
    }
    expect(systemProblemMessage(vi, systemProblem(node, "/srv/data")!)).toBe(
      "Ổ đĩa đầy: không ghi được vào /srv/data/pglite/owner.pid. Đồng chí hãy giải phóng dung lượng trên ổ đĩa này (xóa tệp không cần, bản sao lưu cũ), rồi chạy lại. Dữ liệu đã lưu trước đó vẫn còn nguyên.",
    );
    expect(systemProblemMessage(vi, systemProblem(postgres, "/srv/data")!)).toContain(
      "Ổ đĩa đầy: không ghi được vào /srv/data.",
    );
    expect(systemProblemMessage(en, systemProblem(postgres, null)!)).toBe(
      "The PostgreSQL server's disk is full: the database cannot write. Ask the server's administrator to free some space, then run again. What was saved before is intact.",
    );
  });
});
