import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests import the domain from its source, so `npm test` needs no build first.
const domainSource = fileURLToPath(new URL('./packages/domain/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@tillit/domain': domainSource } },
  test: {
    // Property tests run thousands of cases; on a busy two-core CI machine they need more than 5 s.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'api', include: ['apps/api/src/**/*.test.ts'], pool: 'forks' },
      },
      {
        extends: true,
        test: { name: 'web', include: ['apps/web/src/**/*.test.{ts,tsx}'] },
      },
    ],
  },
});
