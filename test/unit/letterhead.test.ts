// The head of the office's documents: what the organisation file gives is used as written; what it
// leaves out is read off the organisation's name, as party committees are named.
import { describe, expect, it } from "vitest";
import { resolveLetterhead } from "../../src/domain/letterhead.js";

describe("resolveLetterhead", () => {
  it.each([
    ["Đảng bộ quận Long Biên", "Quận ủy Long Biên", "Long Biên"],
    ["Đảng bộ tỉnh Bắc Ninh", "Tỉnh ủy Bắc Ninh", "Bắc Ninh"],
    ["Đảng bộ thành phố Hà Nội", "Thành ủy Hà Nội", "Hà Nội"],
    ["Đảng bộ huyện Gia Lâm", "Huyện ủy Gia Lâm", "Gia Lâm"],
    ["Đảng bộ thị xã Sơn Tây", "Thị ủy Sơn Tây", "Sơn Tây"],
    ["Đảng bộ phường Bồ Đề", "Đảng ủy phường Bồ Đề", "Bồ Đề"],
    ["Đảng bộ xã Tân Lập", "Đảng ủy xã Tân Lập", "Tân Lập"],
    ["Đảng bộ Công an tỉnh", "Đảng ủy Công an tỉnh", "Đảng bộ Công an tỉnh"],
  ])("when the file names only %s, then the committee is %s, dated at %s", (name, committee, place) => {
    expect(resolveLetterhead({ name })).toEqual({ superior: null, committee, place });
  });

  it("when the file gives the head, then it is used as written", () => {
    expect(
      resolveLetterhead({
        name: "Đảng bộ quận Long Biên",
        superior: "Đảng bộ thành phố Hà Nội",
        committee: "Ban Thường vụ Quận ủy Long Biên",
        place: "Hà Nội",
      }),
    ).toEqual({ superior: "Đảng bộ thành phố Hà Nội", committee: "Ban Thường vụ Quận ủy Long Biên", place: "Hà Nội" });
  });
});
