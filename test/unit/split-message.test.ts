import { describe, expect, it } from "vitest";
import { splitMessage, telegramTextLimit } from "../../src/render/split-message.js";

describe("splitMessage", () => {
  it("when a text fits, then it is one message, unchanged", () => {
    expect(splitMessage("Chi bộ số 1\n✅ Kế hoạch đại hội")).toEqual(["Chi bộ số 1\n✅ Kế hoạch đại hội"]);
    expect(splitMessage("x".repeat(telegramTextLimit))).toEqual(["x".repeat(telegramTextLimit)]);
  });

  it("when a text is empty or blank, then there is nothing to send", () => {
    expect(splitMessage("")).toEqual([]);
    expect(splitMessage("\n\n  \n")).toEqual([]);
  });

  it("when blocks do not fit together, then each message holds whole blocks", () => {
    const card = (n: number) => [`Đơn vị ${n}`, "✅ a", "⏳ b"].join("\n");
    const text = [card(1), card(2), card(3)].join("\n\n");
    // Two cards (16 + 2 + 16 = 34 UTF-16 units) fit in 40, three (52) do not.
    expect(card(1)).toHaveLength(16);
    expect(splitMessage(text, 40)).toEqual([`${card(1)}\n\n${card(2)}`, card(3)]);
  });

  it("when one block is too long, then it is cut between lines and the next block still packs in", () => {
    const block = ["aaaa", "bbbb", "cccc", "dddd"].join("\n");
    expect(splitMessage(`${block}\n\nee`, 10)).toEqual(["aaaa\nbbbb", "cccc\ndddd", "ee"]);
  });

  it("when a single line is longer than a message, then it is cut at the limit without breaking an emoji", () => {
    const line = `${"a".repeat(5)}😀${"b".repeat(5)}`; // the emoji is two UTF-16 units at 5..6
    const parts = splitMessage(line, 6);
    expect(parts).toEqual(["aaaaa", "😀bbbb", "b"]);
    expect(parts.join("")).toBe(line);
  });

  it("when a long real answer is split, then every message is within Telegram's limit and no line is lost", () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `⚠️ Chi bộ Tổ dân phố số ${i + 1} (Đảng bộ phường Bồ Đề): quá hạn Kế hoạch đại hội (26 ngày)`,
    );
    const text = lines.join("\n");
    const parts = splitMessage(text);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(telegramTextLimit);
    expect(parts.join("\n")).toBe(text);
  });
});
