import { describe, expect, it } from "vitest";
import { formatPhoneForDisplay, normalizeVietnamesePhone } from "../../src/domain/phone.js";

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
