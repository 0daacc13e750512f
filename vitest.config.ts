import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    pool: "forks",
    // Hang guards only: tests await events, not time. On a machine whose cores are busy the suite runs
    // several times slower, so no test or hook sets a shorter limit of its own (README, Tests).
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
