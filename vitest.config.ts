import { defineConfig } from "vitest/config";

// One run, several projects, so `npm test` prints one total across every suite.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.{ts,tsx}"],
          environment: "happy-dom",
        },
        oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
      },
      {
        test: {
          name: "backend",
          include: ["test/backend/**/*.test.ts"],
          environment: "node",
          server: { deps: { inline: ["convex-test"] } },
        },
      },
      {
        test: {
          name: "local-backend",
          include: ["test/local-backend/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
