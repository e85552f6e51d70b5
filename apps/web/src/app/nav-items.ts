import type { Me } from '@tillit/domain';
import type { NavCountKind } from '../features/data-needs/NavCount';

// The menu as data, apart from the header that draws it, so the summary's own entry
// (src/summary-entry/SummaryHeader.tsx, no router) draws the same menu as the app.
export interface NavItem {
  to: string;
  label: 'nav.overview' | 'nav.summary' | 'nav.users' | 'nav.audit' | 'nav.publicLinks' | 'nav.myDataNeeds' | 'nav.inbox' | 'nav.catalogue' | 'nav.principles' | 'nav.import' | 'nav.organisation';
  keepsUnit: boolean;
  /** A number of things waiting, said in words after the label. */
  count?: NavCountKind;
}

/** The menu each role gets: politicians only the summary; the development manager also the admin pages. */
export function navItemsFor(role: Me['role']): NavItem[] {
  const items: NavItem[] = [];
  if (role !== 'politician') items.push({ to: '/', label: 'nav.overview', keepsUnit: true });
  items.push({ to: '/summary', label: 'nav.summary', keepsUnit: false });
  items.push({ to: '/principles', label: 'nav.principles', keepsUnit: true });
  items.push({ to: '/data-needs/mine', label: 'nav.myDataNeeds', keepsUnit: false, count: 'unreadReplies' });
  if (role === 'development_manager') {
    items.push({ to: '/data-needs', label: 'nav.inbox', keepsUnit: false, count: 'unanswered' });
    items.push({ to: '/catalogue', label: 'nav.catalogue', keepsUnit: false });
    items.push({ to: '/admin/import', label: 'nav.import', keepsUnit: false });
    items.push({ to: '/admin/organisation', label: 'nav.organisation', keepsUnit: false });
    items.push({ to: '/admin/public-links', label: 'nav.publicLinks', keepsUnit: false });
    items.push({ to: '/admin/users', label: 'nav.users', keepsUnit: false });
    items.push({ to: '/admin/audit', label: 'nav.audit', keepsUnit: false });
  }
  return items;
}

