// Bytes of every file bots sent, addressable by file_id (getFile, re-sending)
// and by file_path (download URL). Like Telegram, a file_id only works for
// the bot that owns it.

export interface StoredFile {
  file_id: string;
  file_unique_id: string;
  file_path: string;
  ownerToken: string;
  data: Uint8Array;
  mimeType: string;
  filename?: string;
  /** Set when the bot sent a URL; the emulator never fetches it. */
  sourceUrl?: string;
}

export type FileKind = "photo" | "document";

const PREFIX: Record<FileKind, string> = { photo: "AgAC", document: "BQAC" };
const FOLDER: Record<FileKind, string> = { photo: "photos", document: "documents" };

function randomChars(n: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  let s = "";
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(Math.random() * alphabet.length)];
  return s;
}

function extension(kind: FileKind, filename?: string): string {
  const ext = /\.([A-Za-z0-9]{1,8})$/.exec(filename ?? "")?.[1];
  return (ext ?? (kind === "photo" ? "jpg" : "dat")).toLowerCase();
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  add(
    ownerToken: string,
    kind: FileKind,
    file: { data: Uint8Array; mimeType: string; filename?: string; sourceUrl?: string },
  ): StoredFile {
    const n = ++this.counter;
    const stored: StoredFile = {
      ...file,
      ownerToken,
      file_id: `${PREFIX[kind]}${n.toString(36)}${randomChars(40)}`,
      file_unique_id: `AQAD${n.toString(36)}${randomChars(8)}`,
      file_path: `${FOLDER[kind]}/file_${n}.${extension(kind, file.filename)}`,
    };
    this.byId.set(stored.file_id, stored);
    this.byPath.set(stored.file_path, stored);
    return stored;
  }

  get(token: string, fileId: string): StoredFile | undefined {
    const file = this.byId.get(fileId);
    return file?.ownerToken === token ? file : undefined;
  }

  /** Any bot's file (the sandbox's own page, not a bot, asks). */
  find(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  getByPath(token: string, path: string): StoredFile | undefined {
    const file = this.byPath.get(path);
    return file?.ownerToken === token ? file : undefined;
  }
}
