import { AUDIT_KINDS, AUDIT_ENTITIES, type AuditEntry } from '@tillit/domain';
import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from './audit-text';
import { auditWordsEn, auditWordsSv } from './audit-words';


const entry = (e: Partial<AuditEntry> & Pick<AuditEntry, 'action' | 'entity'>): AuditEntry => ({
  id: 1,
  at: '2026-12-04T09:15:00.000Z',
  username: 'utvecklingschef',
  entityId: null,
  before: null,
  after: null,
  requestId: null,
  ...e,
});

const link = { id: 1, label: 'Socialnämnden april', createdBy: 'Utvecklingschefen', createdAt: '2026-12-04T09:15:00.000Z', revokedAt: null };
const metric = {
  key: 'manager_sick_leave',
  name: { sv: 'Sjukfrånvaro bland chefer', en: 'Sick leave among managers' },
  definition: { sv: 'Sjukfrånvarotimmar delat med ordinarie arbetstid.', en: 'Sick-leave hours divided by working hours.' },
  target: { min: null, max: 2.5 },
  decimals: 2,
  principles: ['stod', 'tillit'],
};

describe('the audit log in plain words', () => {
  it('has a sentence for every kind of entry the product writes, in Swedish and English', () => {
    const sentences: Record<string, Record<string, string>> = auditWordsSv.sentences;
    const english: Record<string, Record<string, string>> = auditWordsEn.sentences;
    for (const entity of AUDIT_ENTITIES) {
      expect(auditWordsSv.entities[entity], `the filter's name of ${entity}`).toBeTruthy();
      for (const action of AUDIT_KINDS[entity]) {
        expect(sentences[entity]?.[action], `sv: ${action} ${entity}`).toMatch(/\S/);
        expect(english[entity]?.[action], `en: ${action} ${entity}`).toMatch(/\S/);
        const { sentence } = describeAuditEntry(entry({ action, entity, entityId: '7' }), auditWordsSv, 'sv');
        expect(sentence, `${action} ${entity}`).not.toContain(`${action} ${entity}`);
        expect(sentence, `${action} ${entity}`).not.toContain('_');
        expect(sentence).toContain('7');
      }
    }
  });

  it('has the same words, with the same placeholders, in both languages', () => {
    const texts = (value: unknown, prefix = ''): Map<string, string> =>
      typeof value === 'object' && value !== null
        ? new Map(Object.entries(value).flatMap(([k, v]) => [...texts(v, prefix ? `${prefix}.${k}` : k)]))
        : new Map([[prefix, String(value)]]);
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const swedish = texts(auditWordsSv);
    const english = texts(auditWordsEn);
    expect([...english.keys()].sort()).toEqual([...swedish.keys()].sort());
    for (const [key, text] of swedish) expect(placeholders(english.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('says what was done as a sentence, naming the thing', () => {
    const created = describeAuditEntry(entry({ action: 'create', entity: 'public_link', entityId: '1', after: link }), auditWordsSv, 'sv');
    expect(created.sentence).toBe('Skapade publik länk 1 (Socialnämnden april)');
    expect(created.changes).toContainEqual({ field: 'Etikett', before: null, after: 'Socialnämnden april' });
    expect(created.changes).toContainEqual({ field: 'Skapad', before: null, after: '2026-12-04 10:15' });
    // A new thing lists what it was made with, not its own number nor its empty fields.
    expect(created.changes.map((c) => c.field)).not.toContain('Id');
    expect(created.changes.map((c) => c.field)).not.toContain('Stängd');

    const user = describeAuditEntry(
      entry({ action: 'reset_password', entity: 'user', entityId: '4', before: null, after: null }),
      auditWordsSv,
      'sv',
    );
    expect(user.sentence).toBe('Gav användaren 4 ett nytt lösenord');
    expect(user.changes).toEqual([]);
  });

  it('lists each changed field once as before → after, in Swedish number format, and nothing unchanged', () => {
    const after = { ...metric, target: { min: null, max: 2.2 }, definitionChange: undefined };
    const text = describeAuditEntry(
      entry({ action: 'update', entity: 'metric', entityId: 'manager_sick_leave', before: metric, after }),
      auditWordsSv,
      'sv',
    );
    expect(text.sentence).toBe('Ändrade nyckeltalet Sjukfrånvaro bland chefer');
    expect(text.changes).toEqual([{ field: 'Mål, högst', before: '2,5', after: '2,2' }]);
  });

  it('names the language of a text field and writes lists and yes/no in words', () => {
    const after = {
      ...metric,
      definition: { ...metric.definition, sv: 'Sjukfrånvarotimmar delat med schemalagd tid.' },
      principles: ['stod'],
      englishOutdated: ['definition'],
    };
    const { changes } = describeAuditEntry(entry({ action: 'update', entity: 'metric', entityId: 'm', before: metric, after }), auditWordsSv, 'sv');
    expect(changes).toEqual([
      { field: 'Definition (svenska)', before: metric.definition.sv, after: after.definition.sv },
      { field: 'Principer', before: 'stod, tillit', after: 'stod' },
      { field: 'Engelsk text att uppdatera', before: '–', after: 'Definition' },
    ]);
    const active = describeAuditEntry(
      entry({ action: 'update', entity: 'user', entityId: '3', before: { username: 'anna', displayName: 'Anna A', isActive: true, role: 'unit_manager' }, after: { username: 'anna', displayName: 'Anna A', isActive: false, role: 'politician' } }),
      auditWordsSv,
      'sv',
    );
    expect(active.sentence).toBe('Ändrade användaren anna (Anna A)');
    expect(active.changes).toEqual([
      { field: 'Aktiv', before: 'ja', after: 'nej' },
      { field: 'Roll', before: 'enhetschef', after: 'förtroendevald' },
    ]);
  });

  it('reads in English with English numbers and ISO dates', () => {
    const text = describeAuditEntry(
      entry({ action: 'update', entity: 'metric', entityId: 'm', before: metric, after: { ...metric, target: { min: null, max: 2.2 } } }),
      auditWordsEn,
      'en',
    );
    expect(text.sentence).toBe('Changed the metric Sick leave among managers');
    expect(text.changes).toEqual([{ field: 'Target, at most', before: '2.5', after: '2.2' }]);
    const revoked = describeAuditEntry(
      entry({ action: 'revoke', entity: 'public_link', entityId: '1', before: link, after: { ...link, revokedAt: '2026-04-12T08:00:00.000Z' } }),
      auditWordsEn,
      'en',
    );
    expect(revoked.sentence).toBe('Closed public link 1 (Socialnämnden april)');
    expect(revoked.changes).toEqual([{ field: 'Closed', before: '–', after: '2026-04-12 10:00' }]);
  });

  it('names units, metrics and principles instead of their codes, and leaves out what the columns say', () => {
    const note = { id: 5, unitId: 'hemtjanst-hemtjanst-oster', metricKey: 'manager_sick_leave', yearFrom: 2021, yearTo: 2021, visibility: 'internal', text: 'Utkast', parentId: null, authorId: 2 };
    const names = {
      unit: new Map([['hemtjanst-hemtjanst-oster', 'Hemtjänst Öster']]),
      metric: new Map([['manager_sick_leave', 'Sjukfrånvaro bland chefer']]),
    };
    const removed = describeAuditEntry(entry({ action: 'delete', entity: 'annotation', entityId: '5', before: { ...note, replies: [] } }), auditWordsSv, 'sv', names);
    expect(removed.sentence).toBe('Tog bort anteckning 5');
    expect(removed.changes).toEqual([
      { field: 'Enhet', before: 'Hemtjänst Öster', after: null },
      { field: 'Nyckeltal', before: 'Sjukfrånvaro bland chefer', after: null },
      { field: 'Från år', before: '2021', after: null },
      { field: 'Till år', before: '2021', after: null },
      { field: 'Vem som kan läsa', before: 'intern', after: null },
      { field: 'Text', before: 'Utkast', after: null },
    ]);
    // A code the page has no name for is shown as it is.
    const user = describeAuditEntry(entry({ action: 'update', entity: 'user', entityId: '3', before: { username: 'anna', unitIds: [] }, after: { username: 'anna', unitIds: ['okand', 'hemtjanst-hemtjanst-oster'] } }), auditWordsSv, 'sv', names);
    expect(user.changes).toEqual([{ field: 'Enheter', before: '–', after: 'okand, Hemtjänst Öster' }]);
  });

  it('never shows a figure, whatever an entry holds: the log cannot tell a hidden cell from a shown one', () => {
    const text = describeAuditEntry(
      entry({ action: 'create', entity: 'import', entityId: '9', after: { fileName: 'hr.csv', rows: [{ value: 3.42 }], value: 3.42, numerator: 12.5, denominator: 1234.5, groupSize: 4 } }),
      auditWordsSv,
      'sv',
    );
    const shown = JSON.stringify(text);
    for (const figure of ['3,42', '12,5', '1 234,5', '1234,5', '4"']) expect(shown).not.toContain(figure);
    expect(text.changes).toContainEqual({ field: 'Täljare', before: null, after: 'visas inte i loggen' });
  });

  it('still reads an entry of a kind it has no words for, as it was written', () => {
    const text = describeAuditEntry(entry({ action: 'archive', entity: 'widget', entityId: '5', after: { colour: 'blå' } }), auditWordsSv, 'sv');
    expect(text.sentence).toBe('archive widget 5');
    expect(text.changes).toEqual([{ field: 'colour', before: null, after: 'blå' }]);
  });
});
