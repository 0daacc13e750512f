// Telegram refuses texts over 4,096 characters (counted in UTF-16 units). Long answers are cut on line
// boundaries, preferring the blank lines between blocks (one unit's card stays in one message).

export const telegramTextLimit = 4096;

/**
 * Splits a text into messages of at most `limit` UTF-16 units. Blocks (separated by a blank line) are
 * kept whole when they fit; a block too long for one message is cut between lines; a single line too
 * long for one message is cut at the limit, never inside a surrogate pair. Blank lines at a cut are
 * dropped (Telegram would trim them anyway).
 */
export function splitMessage(text: string, limit: number = telegramTextLimit): string[] {
  if (limit < 2) throw new Error("splitMessage needs a limit of at least 2");
  const chunks: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim() !== "") chunks.push(current);
    current = "";
  };
  const append = (piece: string, separator: string) => {
    if (current === "") current = piece;
    else if (current.length + separator.length + piece.length <= limit) current += separator + piece;
    else {
      flush();
      current = piece;
    }
  };
  for (const block of text.split(/\n[ \t]*\n/)) {
    if (block.trim() === "") continue;
    if (block.length <= limit) {
      append(block, "\n\n");
      continue;
    }
    let first = true;
    for (const line of block.split("\n")) {
      for (const piece of cutLine(line, limit)) {
        append(piece, first ? "\n\n" : "\n");
        first = false;
      }
    }
  }
  flush();
  return chunks;
}

function cutLine(line: string, limit: number): string[] {
  const pieces: string[] = [];
  let rest = line;
  while (rest.length > limit) {
    let end = limit;
    const code = rest.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--; // a high surrogate: keep the pair together
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  pieces.push(rest);
  return pieces;
}
