import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Checks too slow for `npm test`, run by `npm run bench` (its privacy step): *.check.ts files.
const domainSource = fileURLToPath(new URL('./packages/domain/src/index.ts', import.meta.url));

export default defineConfig({
  resolve: { alias: { '@tillit/domain': domainSource } },
  test: { include: ['apps/api/src/**/*.check.ts'], pool: 'forks', testTimeout: 3_600_000 },
});
