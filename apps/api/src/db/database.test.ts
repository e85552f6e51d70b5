import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seed } from '../services/seed.js';
import { countUnits } from './units.js';
import { migrate, MigrationError, openDatabase } from './database.js';

describe('migrations', () => {
  it('apply once, are recorded, and do nothing the second time', () => {
    const db = openDatabase(':memory:');
    expect(migrate(db)).toContain('001_init.sql');
    expect(migrate(db)).toEqual([]);
    expect(db.prepare('SELECT name FROM schema_migrations').pluck().all()).toContain('001_init.sql');
  });

  it('stop at a failing file, leaving it unapplied and unrecorded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tillit-mig-'));
    writeFileSync(join(dir, '001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(dir, '002_bad.sql'), 'CREATE TABLE b (y INTEGER); THIS IS NOT SQL;');
    const db = openDatabase(':memory:');
    expect(() => migrate(db, dir)).toThrow(MigrationError);
    expect(db.prepare('SELECT name FROM schema_migrations').pluck().all()).toEqual(['001_ok.sql']);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0);
  });

  it('turn on foreign keys and WAL on a file database', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'tillit-db-')), 'x.db'));
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });
});

describe('seeding', () => {
  it('seeds the demo once and never again over existing data', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    expect(seed(db, { demo: true })).toEqual({ catalogue: true, demo: true });
    const units = countUnits(db);
    // 1 department + 5 areas + 40 open units + the 2 groups closed by the demo merger.
    expect(units).toBe(48);
    expect(seed(db, { demo: true })).toEqual({ catalogue: false, demo: false });
    expect(countUnits(db)).toBe(units);
  });

  it('seeds only the catalogue when demo mode is off', () => {
    const db = openDatabase(':memory:');
    migrate(db);
    expect(seed(db, { demo: false })).toEqual({ catalogue: true, demo: false });
    expect(countUnits(db)).toBe(0);
  });
});
