import { ADMIN_HOME } from '../../app/nav-items';

/**
 * The development manager's administration pages, grouped under one menu entry (Administration)
 * so that the daily work (overview, review, summary, principles, questions) stays in front. The
 * header's sub-menu and the Administration page list them from here.
 */
export const ADMIN_PAGES = [
  { to: '/catalogue', label: 'nav.catalogue', description: 'adminHub.catalogue' },
  { to: '/admin/import', label: 'nav.import', description: 'adminHub.import' },
  { to: '/admin/organisation', label: 'nav.organisation', description: 'adminHub.organisation' },
  { to: '/admin/public-links', label: 'nav.publicLinks', description: 'adminHub.publicLinks' },
  { to: '/admin/users', label: 'nav.users', description: 'adminHub.users' },
  { to: '/admin/audit', label: 'nav.audit', description: 'adminHub.audit' },
] as const;

export { ADMIN_HOME };

/** Whether a path is the Administration page or one of the pages under it. */
export function isAdminPath(pathname: string): boolean {
  return pathname === ADMIN_HOME || ADMIN_PAGES.some((p) => pathname === p.to || pathname.startsWith(`${p.to}/`));
}
