import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    // Every test runs in the offices' time zone, as their servers do: the drivers' and adapters' handling of
    // `timestamp` columns depends on it (a workbook's dates were 7 hours off under Hà Nội time, not under UTC).
    // The child processes the tests start (the bot, the CLI) are given it too.
    env: { TZ: "Asia/Ho_Chi_Minh" },
    // Two test files at a time even on two cores (vitest's default is one less than the cores): most of a
    // file's time is spent waiting on child processes, the emulator and the database. Measured here on the
    // embedded database: 14 minutes with two; 22 with one, in a run that shared the machine with other tests.
    maxWorkers: 2,
    // Hang guards only: tests await events, not time. On a machine whose cores are busy the suite runs
    // several times slower, so no test or hook sets a shorter limit of its own (README, Tests).
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
