import { defineConfig } from 'vitest/config';

// Tests that touch the database run once on embedded PGlite and, when TEST_DATABASE_URL names a
// PostgreSQL server, once more on it. Pure units run once.
const databaseTests = [
  'apps/server/test/**/*.test.ts',
  'apps/server/src/**/*.test.ts',
  'packages/db/src/**/*.test.ts',
];
const databases = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/{core,triage,contracts,channels}/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
        },
      },
      // The console in Debian's Chromium against a real server on PGlite; one file at a time, as
      // each starts a browser and the machines have two cores.
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          pool: 'forks' as const,
          fileParallelism: false,
          globalSetup: ['e2e/global-setup.ts'],
          env: { SADA_TEST_DB: 'pglite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...databases.map((database) => ({
        test: {
          name: database,
          include: databaseTests,
          pool: 'forks' as const,
          env: { SADA_TEST_DB: database },
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      })),
    ],
  },
});
