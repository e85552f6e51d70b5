import { DEFAULT_METRICS, DEFAULT_PRINCIPLES } from '@tillit/domain';
import { upsertMetric, upsertPrinciple } from '../db/catalogue.js';
import type { Db } from '../db/database.js';
import { getMeta, setMeta } from '../db/meta.js';
import { countUnits, insertReorganisation, insertUnits } from '../db/units.js';
import { ensureSource, insertPublishedFigure, upsertValues } from '../db/values.js';
import { generateDemoData, REAL_SOURCE, SYNTHETIC_SOURCE } from '../demo/generate.js';
import { generateScaleData, SCALE_MANAGER_UNIT_IDS, SCALE_SOURCE } from '../demo/scale.js';
import { countUsers, insertUser } from '../db/users.js';
import type { Role } from '@tillit/domain';
import { hashPasswordSync } from './passwords.js';
import { seedKoladaDemo } from './kolada-demo.js';

/** The demo's shared password, shown on the sign-in page in demo mode only. */
export const DEMO_PASSWORD = 'tillit-demo';

export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role; unitIds: string[]; email: string }[] = [
  { username: 'utvecklingschef', displayName: 'Utvecklingschef (demo)', role: 'development_manager', unitIds: [], email: 'utvecklingschef@example.org' },
  {
    username: 'enhetschef',
    displayName: 'Enhetschef, Hemtjänst Öster och Väster (demo)',
    role: 'unit_manager',
    unitIds: ['hemtjanst-hemtjanst-oster', 'hemtjanst-hemtjanst-vaster'],
    email: 'enhetschef@example.org',
  },
  { username: 'politiker', displayName: 'Ledamot i socialnämnden (demo)', role: 'politician', unitIds: [], email: 'politiker@example.org' },
];

export interface SeedResult {
  catalogue: boolean;
  demo: boolean;
}

/**
 * Seeds what a database needs and does not have yet: the principles and the metric catalogue
 * always, the synthetic demo organisation only in demo mode and only into an empty tree. Never
 * overwrites what a user has edited.
 */
export function seed(db: Db, options: { demo: boolean; dataset?: 'demo' | 'scale' }): SeedResult {
  const isScale = options.dataset === 'scale';
  return db.transaction((): SeedResult => {
    const result: SeedResult = { catalogue: false, demo: false };
    if (getMeta(db, 'catalogue_seeded') === undefined) {
      DEFAULT_PRINCIPLES.forEach((p) => upsertPrinciple(db, p));
      DEFAULT_METRICS.forEach((m) => upsertMetric(db, m));
      setMeta(db, 'catalogue_seeded', new Date().toISOString());
      result.catalogue = true;
    }
    if (options.demo && countUnits(db) === 0) {
      // The scale dataset (benchmarks only) is synthetic too, under a source of its own.
      const data = isScale ? generateScaleData() : generateDemoData();
      insertUnits(db, data.units);
      const synthetic = ensureSource(db, isScale ? SCALE_SOURCE : SYNTHETIC_SOURCE, true);
      const real = ensureSource(db, REAL_SOURCE, false);
      upsertValues(
        db,
        data.values.map((v) => ({ ...v, sourceId: synthetic })),
      );
      for (const f of data.published) insertPublishedFigure(db, { ...f, sourceId: real });
      const seededAt = new Date().toISOString();
      for (const r of data.reorganisations ?? []) {
        insertReorganisation(db, { ...r, oldName: null, oldParentId: null, newParentId: null, createdBy: 'system', createdAt: seededAt });
      }
      if (countUsers(db) === 0) {
        const passwordHash = hashPasswordSync(DEMO_PASSWORD);
        const now = new Date().toISOString();
        for (const a of DEMO_ACCOUNTS) {
          const unitIds = isScale && a.unitIds.length > 0 ? SCALE_MANAGER_UNIT_IDS : a.unitIds;
          insertUser(db, { ...a, unitIds, passwordHash }, now);
        }
      }
      setMeta(db, 'demo_data', new Date().toISOString());
      result.demo = true;
    }
    // The demo's reference line: example pages in Kolada's format (synthetic), once per demo database.
    if (options.demo && !isScale && hasDemoData(db) && getMeta(db, 'kolada_demo') === undefined) {
      seedKoladaDemo(db);
      setMeta(db, 'kolada_demo', new Date().toISOString());
    }
    return result;
  })();
}

export function hasDemoData(db: Db): boolean {
  return getMeta(db, 'demo_data') !== undefined;
}
