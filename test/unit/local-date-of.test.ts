// localDateOf (src/clock.ts) formats with a kept Intl formatter instead of dayjs's tz(): the day it gives
// must be dayjs's for every instant, including the hours around local midnight and a year's boundaries.
import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import { describe, expect, it } from "vitest";
import { localDateOf } from "../../src/clock.js";

dayjs.extend(utc);
dayjs.extend(timezone);

describe("the office's day of an instant", () => {
  it("when instants over thirty years are read in four zones, then the day is dayjs's for each", () => {
    const zones = ["Asia/Ho_Chi_Minh", "UTC", "America/New_York", "Pacific/Kiritimati"];
    const mismatches: string[] = [];
    let checked = 0;
    // Steps of 29 h 1 min (5 hours on each day, coprime with 24) cross every hour of the day in every zone.
    for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += 29 * 3600_000 + 61_000) {
      for (const zone of zones) {
        const instant = new Date(t);
        const expected = dayjs(instant).tz(zone).format("YYYY-MM-DD");
        if (localDateOf(instant, zone) !== expected) mismatches.push(`${zone} ${instant.toISOString()}`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30_000);
    expect(mismatches).toEqual([]);
  });

  it("when it is 23:59 and 00:00 in Hà Nội, then the days are the 31st and the 1st", () => {
    expect(localDateOf(new Date("2025-12-31T16:59:59Z"), "Asia/Ho_Chi_Minh")).toBe("2025-12-31");
    expect(localDateOf(new Date("2025-12-31T17:00:00Z"), "Asia/Ho_Chi_Minh")).toBe("2026-01-01");
  });
});
