import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database.js';
import { createDbStamp, OTHER_WRITERS_EVERY_MS } from './stamp.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the change stamp', () => {
  const opened: Db[] = [];
  let dir = '';
  const open = (): Db => {
    dir ||= mkdtempSync(join(tmpdir(), 'tillit-stamp-'));
    const db = openDatabase(join(dir, 'tillit.db'));
    opened.push(db);
    return db;
  };
  afterEach(() => {
    for (const db of opened.splice(0)) db.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = '';
  });

  it('moves at once on a write by this connection, and stays while nothing is written', async () => {
    const db = open();
    db.exec('CREATE TABLE t (x INTEGER)');
    const stamp = createDbStamp(db);
    const before = stamp();
    await wait(OTHER_WRITERS_EVERY_MS + 1);
    expect(stamp()).toBe(before);
    db.prepare('INSERT INTO t VALUES (1)').run();
    expect(stamp()).not.toBe(before);
  });

  it('moves on a commit by another connection (another process) once the interval has passed', async () => {
    const server = open();
    server.exec('CREATE TABLE t (x INTEGER)');
    const cli = open();
    const stamp = createDbStamp(server);
    const before = stamp();
    cli.prepare('INSERT INTO t VALUES (1)').run();
    await wait(OTHER_WRITERS_EVERY_MS + 1);
    expect(stamp()).not.toBe(before);
  });

  it('is one reader per database', () => {
    const db = open();
    expect(createDbStamp(db)).toBe(createDbStamp(db));
  });
});
