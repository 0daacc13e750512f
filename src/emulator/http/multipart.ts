// A small multipart/form-data parser (RFC 7578). It works on raw bytes and
// only looks for the "\r\n--boundary" delimiter, so binary file contents are
// never decoded or altered.

export interface MultipartPart {
  name: string;
  /** Present for file parts. */
  filename?: string;
  contentType?: string;
  data: Buffer;
}

export class MultipartError extends Error {}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

/** Boundary from a Content-Type header value, quoted or not. */
export function boundaryOf(contentType: string): string | undefined {
  const m = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

/** Parameters of a header like `form-data; name="a"; filename=b.jpg`. */
function headerParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  const re = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const m of value.matchAll(re)) {
    const key = m[1]!.toLowerCase();
    let v = m[2] !== undefined ? m[2].replace(/\\(.)/g, "$1") : m[3]!.trim();
    // RFC 5987: filename*=UTF-8''na%C3%AFve.txt
    if (key.endsWith("*")) {
      const encoded = /^[^']*'[^']*'(.*)$/.exec(v)?.[1];
      if (encoded !== undefined) v = decodeURIComponent(encoded);
      params[key.slice(0, -1)] = v;
    } else params[key] ??= v;
  }
  return params;
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

export function parseMultipart(body: Buffer, boundary: string): MultipartPart[] {
  const dashBoundary = Buffer.from(`--${boundary}`);
  const delimiter = Buffer.concat([CRLF, dashBoundary]);
  const parts: MultipartPart[] = [];

  // The first boundary may come without a leading CRLF (anything before it is preamble).
  let pos = body.indexOf(dashBoundary);
  if (pos === -1) throw new MultipartError("multipart boundary not found");
  pos += dashBoundary.length;

  for (;;) {
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts; // "--": final boundary
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++; // transport padding
    if (body[pos] !== 0x0d || body[pos + 1] !== 0x0a) throw new MultipartError("malformed multipart boundary line");
    pos += 2;

    // A part may have no headers at all: then its body starts right away.
    let headerBlock = "";
    let contentStart = pos;
    if (!(body[pos] === 0x0d && body[pos + 1] === 0x0a)) {
      const headerEnd = body.indexOf(HEADER_END, pos);
      if (headerEnd === -1) throw new MultipartError("multipart part headers not terminated");
      headerBlock = body.toString("utf8", pos, headerEnd);
      contentStart = headerEnd + HEADER_END.length;
    } else contentStart = pos + 2;

    const end = body.indexOf(delimiter, contentStart);
    if (end === -1) throw new MultipartError("multipart body not terminated");

    const headers = parseHeaders(headerBlock);
    const disposition = headerParams(`x;${(headers.get("content-disposition") ?? "").replace(/^[^;]*;?/, "")}`);
    if (disposition.name !== undefined) {
      parts.push({
        name: disposition.name,
        ...(disposition.filename !== undefined ? { filename: disposition.filename } : {}),
        ...(headers.has("content-type") ? { contentType: headers.get("content-type")! } : {}),
        // Copy, so stored files do not pin the whole request body in memory.
        data: Buffer.from(body.subarray(contentStart, end)),
      });
    }
    pos = end + delimiter.length;
  }
}
