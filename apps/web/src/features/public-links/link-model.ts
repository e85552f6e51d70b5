import { formatDate, type Language, type PublicLink } from '@tillit/domain';
import type { TFunction } from 'i18next';

/**
 * The address to hand out: this site's origin as the browser sees it (behind a proxy the
 * server may not know its public name) and the link's path.
 */
export function linkAddress(origin: string, path: string): string {
  return new URL(path, origin).toString();
}

export interface LinkRow {
  id: number;
  label: string;
  createdBy: string;
  createdAt: string;
  isActive: boolean;
  status: string;
  showAuthors: boolean;
  authors: string;
}

/** The table's rows: working links first, each newest first. */
export function linkRows(links: readonly PublicLink[], language: Language, t: TFunction): LinkRow[] {
  return [...links]
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt))
    .map((l) => ({
      id: l.id,
      label: l.label,
      createdBy: l.createdBy,
      createdAt: formatDate(l.createdAt, language),
      isActive: l.revokedAt === null,
      status: l.revokedAt === null ? t('publicLinks.active') : t('publicLinks.revokedOn', { date: formatDate(l.revokedAt, language) }),
      showAuthors: l.showAuthors,
      authors: l.showAuthors ? t('publicLinks.authors.shown') : t('publicLinks.authors.hidden'),
    }));
}
