import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeUploadDir, removeOrphanUploadDirs } from './uploads.js';

describe('upload directories', () => {
  it('removes what a killed server left behind, and nothing of a running one or anyone else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tillit-upload-dirs-test-'));
    const running = join(root, 'tillit-upload-4242-xyz');
    mkdirSync(running);
    writeFileSync(join(running, 'upload'), 'enhet;år\n');
    const orphan = join(root, 'tillit-upload-999999-abc');
    mkdirSync(orphan);
    writeFileSync(join(orphan, 'upload'), 'half a file');
    const other = join(root, 'someone-else');
    mkdirSync(other);

    const removed = removeOrphanUploadDirs(root, (pid) => pid === 4242);

    expect(removed).toBe(1);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(join(running, 'upload'))).toBe(true);
    expect(existsSync(other)).toBe(true);
  });

  it('at start, a directory with this process’s own id is a predecessor’s (same id after a container restart)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tillit-upload-dirs-test-'));
    const previous = await makeUploadDir(root);
    expect(removeOrphanUploadDirs(root, () => true)).toBe(1);
    expect(existsSync(previous)).toBe(false);
  });
});
