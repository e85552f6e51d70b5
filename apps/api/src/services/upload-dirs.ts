import { readdirSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Uploads are written to a temporary directory while they arrive (see routes/imports.ts). Its
// name carries the server's process id, so that a server killed mid-import (SIGKILL, power loss)
// leaves a directory the next start can recognise as orphaned and remove.
const PREFIX = 'tillit-upload-';

/** A fresh directory for one upload; the caller removes it when done. */
export function makeUploadDir(root = tmpdir()): Promise<string> {
  return mkdtemp(join(root, `${PREFIX}${process.pid}-`));
}

/** Removes upload directories left by servers that no longer run. Returns how many it removed. */
export function removeOrphanUploadDirs(root = tmpdir(), isRunning = processIsRunning): number {
  let removed = 0;
  for (const name of safeList(root)) {
    const pid = Number(/^tillit-upload-(\d+)-/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid <= 0 || isRunning(pid)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function safeList(root: string): string[] {
  try {
    return readdirSync(root);
  } catch {
    return [];
  }
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, as another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
