import { can, type Me } from '@tillit/domain';
import type { NavCountKind } from '../features/data-needs/NavCount';

// The menu as data, apart from the header that draws it, so the summary's own entry
// (src/summary-entry/SummaryHeader.tsx, no router) draws the same menu as the app.
export interface NavItem {
  to: string;
  label: 'nav.overview' | 'nav.summary' | 'nav.principles' | 'nav.myDataNeeds' | 'menu.review' | 'menu.questions' | 'menu.admin';
  keepsUnit: boolean;
  /** A number of things waiting, said in words after the label. */
  count?: NavCountKind;
  /** Matched only exactly (the overview), not the pages below it. */
  isEnd?: boolean;
}

/** The Administration page, under which the development manager's administration pages are (features/admin/admin-pages.ts). */
export const ADMIN_HOME = '/admin';

/**
 * The menu each role gets: the daily work in front; the development manager's administration
 * pages behind one entry (see `ADMIN_PAGES`); politicians the summary, principles and questions.
 */
export function navItemsFor(role: Me['role']): NavItem[] {
  if (can(role, 'administer')) {
    return [
      { to: '/', label: 'nav.overview', keepsUnit: true, isEnd: true },
      { to: '/review', label: 'menu.review', keepsUnit: true },
      { to: '/summary', label: 'nav.summary', keepsUnit: false },
      { to: '/principles', label: 'nav.principles', keepsUnit: true },
      { to: '/data-needs', label: 'menu.questions', keepsUnit: false, count: 'unanswered' },
      { to: ADMIN_HOME, label: 'menu.admin', keepsUnit: false },
    ];
  }
  const items: NavItem[] = [];
  if (can(role, 'readFigures')) items.push({ to: '/', label: 'nav.overview', keepsUnit: true, isEnd: true });
  items.push({ to: '/summary', label: 'nav.summary', keepsUnit: false });
  items.push({ to: '/principles', label: 'nav.principles', keepsUnit: true });
  items.push({ to: '/data-needs/mine', label: 'nav.myDataNeeds', keepsUnit: false, count: 'unreadReplies' });
  return items;
}
