import { describe, expect, it } from "vitest";
import { dueMaintenanceDate } from "../../src/scheduler/maintenance-job.js";

describe("dueMaintenanceDate", () => {
  const zone = "Asia/Ho_Chi_Minh";
  it.each([
    ["2020-03-09T19:59:59Z", null], // 02:59:59 local
    ["2020-03-09T20:00:00Z", "2020-03-10"], // 03:00
    ["2020-03-09T20:59:59Z", "2020-03-10"], // 03:59:59
    ["2020-03-09T21:00:00Z", null], // 04:00
    ["2020-03-10T08:00:00Z", null], // 15:00
  ])("at %s it is due for %s (local time, not the server's)", (now, expected) => {
    expect(dueMaintenanceDate(new Date(now), zone)).toBe(expected);
  });

  it("follows the configured timezone", () => {
    expect(dueMaintenanceDate(new Date("2020-03-10T03:30:00Z"), "UTC")).toBe("2020-03-10");
    expect(dueMaintenanceDate(new Date("2020-03-10T03:30:00Z"), zone)).toBeNull();
  });
});
