#!/usr/bin/env node
// Builds the product when a build output is missing or older than its sources, so that
// `npm start` works on a fresh clone and starts fast once built.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const SOURCES = ['packages/domain/src', 'apps/api/src', 'apps/api/migrations', 'apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.ts'];
const OUTPUTS = ['packages/domain/dist/index.js', 'apps/api/dist/server.js', 'apps/web/dist/index.html'];

function newest(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(full)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

export function isBuilt() {
  const outputs = OUTPUTS.map((p) => join(root, p));
  if (!outputs.every(existsSync)) return false;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return Math.max(...SOURCES.map(newest)) <= oldestOutput;
}

export function ensureBuilt() {
  if (isBuilt()) return;
  console.log('Tillit: bygger produkten (building)…');
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('Tillit: bygget misslyckades (the build failed).');
    process.exit(result.status ?? 1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) ensureBuilt();
