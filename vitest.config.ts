import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    setupFiles: ["test/support/yield-between-tests.ts"],
    // CLI tests spawn the built bundle and DuckDB; two cores, so keep files in two workers.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    pool: "forks",
    // The JSON report is what .ci/run counts; the default reporter is for people.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
  },
})
