import { defineConfig } from 'vitest/config';

// Tests that start real processes (Redis, the hub, SDK scheme adapters, Prometheus) run one file at a
// time after everything else: on a 2-core machine, two stacks starting at once starve each other's
// health checks and make timing-sensitive assertions flaky.
const processTests = [
  'local/stack/test/**/*.test.ts',
  'local/e2e/test/**/*.test.ts',
  'local/rehearsal/test/rehearse.test.ts',
];

export default defineConfig({
  test: {
    // Gate tests spawn real tools (tsc, actionlint, esbuild); give them room on a 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['actions/*/test/**/*.test.ts', 'local/**/test/**/*.test.ts', 'tools/test/**/*.test.ts'],
          exclude: ['**/node_modules/**', ...processTests],
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'processes',
          include: processTests,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
