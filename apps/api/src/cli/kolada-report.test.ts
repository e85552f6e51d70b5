import { describe, expect, it } from 'vitest';
import { koladaReport } from './kolada-report.js';

const preview = {
  importId: null,
  fileName: 'a.json',
  rowsRead: 4,
  rowsValid: 3,
  replaced: 3,
  isSynthetic: false,
  unmappedKpis: [],
  errors: [{ file: 'a.json', page: 1, path: 'values[0].values[1].gender', message: 'ska vara T (totalt), K eller F (kvinnor) eller M (män)' }],
  rows: [],
};

describe('koladaReport (what npm run kolada prints)', () => {
  it('says first that nothing was stored when a file is refused, and never that values were replaced', () => {
    const { out, err } = koladaReport({ status: 422, body: preview }, false);
    expect(err[0]).toBe('Ingenting har sparats: filen har 1 fel.');
    expect(out.join('\n')).toContain('3 lagrade värden skulle ha ersatts');
    expect([...out, ...err].join('\n')).not.toMatch(/ersatta\b|ersattes/);
  });

  it('says what was replaced only after an import', () => {
    const { out, err } = koladaReport({ status: 201, body: { importId: 7, fileName: 'a.json', rowsRead: 3, rowsWritten: 3, replaced: 2, isSynthetic: false, errors: [] } }, false);
    expect(err).toEqual([]);
    expect(out).toEqual(['3 värden lästa, 3 sparade; 2 tidigare lagrade värden ersattes.', 'Importerat som Kolada-import nr 7.']);
  });

  it('marks a dry run as one', () => {
    const { out } = koladaReport({ status: 200, body: { ...preview, errors: [] } }, true);
    expect(out[0]).toBe('4 värden lästa, 3 giltiga; 3 lagrade värden skulle ersättas (förhandsgranskning: ingenting sparas).');
  });
});
