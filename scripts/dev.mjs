#!/usr/bin/env node
// `npm run dev`: the API rebuilt and restarted on change (port 3000), and Vite's dev server
// with hot reload on http://localhost:5173, proxying /api to the API.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (cmd, args) => spawn(cmd, args, { cwd: root, stdio: 'inherit' });

spawnSync('npx', ['tsc', '-b'], { cwd: root, stdio: 'inherit' });
const children = [
  run('npx', ['tsc', '-b', '--watch', '--preserveWatchOutput']),
  run(process.execPath, ['--watch-path=apps/api/dist', '--watch-path=packages/domain/dist', 'apps/api/dist/server.js']),
  run('npm', ['run', 'dev', '-w', '@tillit/web']),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
