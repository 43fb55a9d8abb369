import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['actions/*/test/**/*.test.ts', 'local/**/test/**/*.test.ts', 'tools/test/**/*.test.ts'],
    // Gate tests spawn real tools (tsc, actionlint, esbuild); give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
