import { describe, expect, it } from "vitest";
import { formatLocalDate, parseLocalDate } from "../../src/domain/local-date.js";

describe("parseLocalDate", () => {
  it.each([
    ["2020-03-31", "2020-03-31"],
    ["31/03/2020", "2020-03-31"],
    ["4/3/2020", "2020-03-04"],
    ["29/02/2020", "2020-02-29"],
  ])("reads %s as %s", (input, expected) => {
    expect(parseLocalDate(input)).toBe(expected);
  });

  it.each([
    "31/02/2020",
    "2020-02-30",
    "29/02/2021",
    "2020-13-01",
    "00/01/2020",
    "31-03-2020",
    "2020/03/31",
    "hôm qua",
    "",
  ])("rejects %j", (input) => {
    expect(parseLocalDate(input)).toBeNull();
  });

  it("writes dd/mm/yyyy", () => {
    expect(formatLocalDate("2020-03-04")).toBe("04/03/2020");
  });
});
