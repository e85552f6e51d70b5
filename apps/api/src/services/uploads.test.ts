import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeUploadDir, removeOrphanUploadDirs } from './uploads.js';

describe('upload directories', () => {
  it('removes what a killed server left behind, and nothing of a running one or anyone else', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tillit-upload-dirs-test-'));
    const mine = await makeUploadDir(root);
    writeFileSync(join(mine, 'upload'), 'enhet;år\n');
    const orphan = join(root, 'tillit-upload-999999-abc');
    mkdirSync(orphan);
    writeFileSync(join(orphan, 'upload'), 'half a file');
    const other = join(root, 'someone-else');
    mkdirSync(other);

    const removed = removeOrphanUploadDirs(root, (pid) => pid === process.pid);

    expect(removed).toBe(1);
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(join(mine, 'upload'))).toBe(true);
    expect(existsSync(other)).toBe(true);
  });
});
