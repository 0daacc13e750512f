import { describe, expect, it } from "vitest";
import {
  formatPhoneForDisplay,
  normalizeVietnamesePhone,
  parseVietnamesePhone,
  renumberedMobilePrefixes,
} from "../../src/domain/phone.js";

describe("normalizeVietnamesePhone", () => {
  it.each([
    ["0912345678", "+84912345678"],
    ["+84912345678", "+84912345678"],
    ["84912345678", "+84912345678"],
    ["0084912345678", "+84912345678"],
    ["0912 345 678", "+84912345678"],
    ["0912.345.678", "+84912345678"],
    ["(+84) 912-345-678", "+84912345678"],
    ["0363456789", "+84363456789"],
    ["024 3826 1234", "+842438261234"],
  ])("when given %s, then it stores %s", (input, expected) => {
    expect(normalizeVietnamesePhone(input)).toBe(expected);
  });

  it.each(["12345", "0112345678", "091234567", "09123456789", "+1 202 555 0100", "091234567a", "", "+84"])(
    "when given %j, then it is not a Vietnamese number",
    (input) => {
      expect(normalizeVietnamesePhone(input)).toBeNull();
    },
  );

  it("when 0912… and +84912… are normalised, then they are the same person", () => {
    expect(normalizeVietnamesePhone("0912345678")).toBe(normalizeVietnamesePhone("+84 912 345 678"));
  });

  it("formats for display in the office's grouping", () => {
    expect(formatPhoneForDisplay("+84912345678")).toBe("0912 345 678");
    expect(formatPhoneForDisplay("+842438261234")).toBe("024 3826 1234");
  });
});

describe("numbers from before the 2018 renumbering", () => {
  // The official mapping (Bộ Thông tin và Truyền thông, 2018): every retired 11-digit prefix.
  const official: [string, string][] = [
    ["0120", "070"],
    ["0121", "079"],
    ["0122", "077"],
    ["0126", "076"],
    ["0128", "078"],
    ["0123", "083"],
    ["0124", "084"],
    ["0125", "085"],
    ["0127", "081"],
    ["0129", "082"],
    ["0162", "032"],
    ["0163", "033"],
    ["0164", "034"],
    ["0165", "035"],
    ["0166", "036"],
    ["0167", "037"],
    ["0168", "038"],
    ["0169", "039"],
    ["0186", "056"],
    ["0188", "058"],
    ["0199", "059"],
  ];

  it("knows exactly the official prefixes", () => {
    expect(Object.entries(renumberedMobilePrefixes).sort()).toEqual([...official].sort());
  });

  it.each(official)("when given %s 123 4567 (in every written form), then it is today's %s 123 4567", (old, today) => {
    const expected = `+84${today.slice(1)}1234567`;
    for (const written of [
      `${old}1234567`,
      `${old} 123 4567`,
      `+84${old.slice(1)}1234567`,
      `84${old.slice(1)}1234567`,
      `+84 ${old.slice(1)} 123 4567`,
      `0084${old.slice(1)}1234567`,
    ]) {
      expect(parseVietnamesePhone(written), written).toEqual({ phone: expected, renumbered: true });
      expect(normalizeVietnamesePhone(written), written).toBe(expected);
    }
  });

  it("when the old and the new form of a number are read, then they are the same person", () => {
    expect(normalizeVietnamesePhone("0168 123 4567")).toBe(normalizeVietnamesePhone("0381234567"));
    expect(parseVietnamesePhone("0381234567")).toEqual({ phone: "+84381234567", renumbered: false });
  });

  it.each(["01301234567", "01891234567", "01111234567", "0168123456", "016812345678", "+8416812345678"])(
    "when given %j (no such old prefix, or the wrong length), then it is not a Vietnamese number",
    (input) => {
      expect(parseVietnamesePhone(input)).toBeNull();
    },
  );
});
