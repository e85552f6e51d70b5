import type { PublicLink } from '@tillit/domain';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n/resources';
import { linkAddress, linkRows } from './link-model';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({ resources, lng: 'sv', interpolation: { escapeValue: false } });
});

const link = (id: number, createdAt: string, revokedAt: string | null = null): PublicLink => ({
  id,
  label: `Länk ${id}`,
  showAuthors: id === 2,
  createdBy: 'Utvecklingschef',
  createdAt,
  revokedAt,
});

describe('linkAddress', () => {
  it("puts the link's path on this site's origin", () => {
    expect(linkAddress('https://tillit.example.se', '/p/abc_DEF-123')).toBe('https://tillit.example.se/p/abc_DEF-123');
    expect(linkAddress('http://localhost:3500', '/p/x')).toBe('http://localhost:3500/p/x');
  });
});

describe('linkRows', () => {
  it('lists working links first, newest first, and says when a link was revoked', () => {
    const rows = linkRows(
      [link(1, '2026-01-01T10:00:00Z', '2026-02-01T10:00:00Z'), link(2, '2026-01-05T10:00:00Z'), link(3, '2026-03-01T10:00:00Z')],
      'sv',
      i18n.t,
    );
    expect(rows.map((r) => r.id)).toEqual([3, 2, 1]);
    expect(rows[0]).toMatchObject({ isActive: true, status: 'Fungerar', createdAt: '1 mars 2026', showAuthors: false, authors: 'Visas inte' });
    expect(rows[1]).toMatchObject({ showAuthors: true, authors: 'Visas' });
    expect(rows[2]).toMatchObject({ isActive: false, status: 'Återkallad 1 februari 2026' });
  });
});
