#!/usr/bin/env node
// `npm start`: build when needed, then run the server (demo mode unless TILLIT_DEMO=0).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

ensureBuilt();
const server = spawn(process.execPath, [fileURLToPath(new URL('../apps/api/dist/server.js', import.meta.url))], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
