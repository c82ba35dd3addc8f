import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // "server-only" throws outside React Server Components; tests run lib/ code directly.
      "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Keys session cookies and keyed digests in tests; production takes it from the environment or the data folder.
    env: { NEXTAUTH_SECRET: "parklead-test-secret-0123456789abcdefghijklmnop" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration files each open PGlite (WebAssembly, ~100 MB) and PostgreSQL databases.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
