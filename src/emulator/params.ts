// Typed access to method parameters. Telegram accepts the same parameter as a
// JSON value or as a string (query string, urlencoded, multipart), so each
// getter accepts both forms instead of guessing types up front.
import { badRequest } from "./errors.js";

/** A file sent in a multipart request. */
export interface UploadedFile {
  filename: string;
  mimeType: string;
  data: Uint8Array;
}

const ATTACH = "attach://";

export class Params {
  constructor(
    readonly raw: Readonly<Record<string, unknown>>,
    /** Multipart file parts by part name. */
    readonly uploads: ReadonlyMap<string, UploadedFile> = new Map(),
  ) {}

  has(name: string): boolean {
    const v = this.raw[name];
    return v !== undefined && v !== null && v !== "";
  }

  string(name: string): string | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    throw badRequest(`field "${name}" must be of type String`);
  }

  int(name: string): number | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "number" && Number.isInteger(v)) return v;
    if (typeof v === "string" && /^-?\d+$/.test(v.trim())) return Number(v.trim());
    throw badRequest(`field "${name}" must be of type Integer`);
  }

  bool(name: string): boolean | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v === "boolean") return v;
    if (v === "true" || v === "1" || v === 1) return true;
    if (v === "false" || v === "0" || v === 0) return false;
    throw badRequest(`field "${name}" must be of type Boolean`);
  }

  /** An object/array parameter; strings are JSON-parsed (multipart, urlencoded). */
  json<T>(name: string, invalid = `can't parse ${name} JSON object`): T | undefined {
    const v = this.raw[name];
    if (v === undefined || v === null || v === "") return undefined;
    if (typeof v !== "string") return v as T;
    try {
      return JSON.parse(v) as T;
    } catch {
      throw badRequest(invalid);
    }
  }

  /**
   * A file parameter: an upload (grammY sends `photo=attach://<part>` plus a
   * part named <part>; curl-style clients name the part `photo` directly), or
   * a string (file_id or URL).
   */
  file(name: string): UploadedFile | string | undefined {
    const direct = this.uploads.get(name);
    if (direct) return direct;
    const v = this.string(name);
    if (v === undefined || v === "") return undefined;
    if (v.startsWith(ATTACH)) {
      const part = this.uploads.get(v.slice(ATTACH.length));
      if (!part) throw badRequest(`file "${v}" not found in the request`);
      return part;
    }
    return v;
  }
}
