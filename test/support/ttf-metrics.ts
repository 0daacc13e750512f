// Reads a TrueType file's own glyph widths (cmap format 4 + hmtx), so a test can tell whether text was
// measured with that font or with some other one the machine has.
import { readFileSync } from "node:fs";

export interface TtfMetrics {
  unitsPerEm: number;
  /** The glyph's advance width in font units, or undefined when the font has no glyph for the character. */
  advance(char: string): number | undefined;
}

export function readTtfMetrics(file: string): TtfMetrics {
  const font = readFileSync(file);
  const tables = new Map<string, number>();
  const numTables = font.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    tables.set(font.toString("latin1", record, record + 4), font.readUInt32BE(record + 8));
  }
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file} has no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table("head") + 18);
  const numberOfHMetrics = font.readUInt16BE(table("hhea") + 34);
  const hmtx = table("hmtx");

  // The Unicode BMP subtable (platform 3 encoding 1, or platform 0), format 4.
  const cmap = table("cmap");
  let subtable: number | undefined;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const [platform, encoding] = [font.readUInt16BE(record), font.readUInt16BE(record + 2)];
    const offset = cmap + font.readUInt32BE(record + 4);
    if (((platform === 3 && encoding === 1) || platform === 0) && font.readUInt16BE(offset) === 4) subtable = offset;
  }
  if (subtable === undefined) throw new Error(`${file} has no format 4 cmap`);
  const segments = font.readUInt16BE(subtable + 6) / 2;
  const ends = subtable + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;

  const glyphOf = (code: number): number => {
    for (let i = 0; i < segments; i++) {
      if (code > font.readUInt16BE(ends + i * 2)) continue;
      const start = font.readUInt16BE(starts + i * 2);
      if (code < start) return 0;
      const delta = font.readInt16BE(deltas + i * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + i * 2);
      if (rangeOffset === 0) return (code + delta) & 0xffff;
      const glyph = font.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (code - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };

  return {
    unitsPerEm,
    advance(char) {
      const code = char.codePointAt(0)!;
      if (code > 0xffff) return undefined;
      const glyph = glyphOf(code);
      if (glyph === 0) return undefined;
      return font.readUInt16BE(hmtx + Math.min(glyph, numberOfHMetrics - 1) * 4);
    },
  };
}
