import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Repository tests share one PostgreSQL server; each file uses its own schema, so files may run in parallel.
    pool: 'forks',
    // Tests run the TypeScript sources, also in the processes they spawn (bin/da06.js would otherwise
    // run the precompiled dist/ when it is up to date; ADR 7).
    env: { DA06_FROM_SOURCE: '1' },
  },
});
