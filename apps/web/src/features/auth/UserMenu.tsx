import type { Me } from '@tillit/domain';
import type { ComponentType, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogout } from './queries';

/** How the menu links to a page: the router's `Link` in the app, a plain link where there is no router. */
export type MenuLink = ComponentType<{ to: string; className?: string; children: ReactNode }>;

/** A link that loads the page: for the summary's own entry, which has no router (summary-entry/). */
export const PlainLink: MenuLink = ({ to, className, children }) => (
  <a href={to} className={className}>
    {children}
  </a>
);

/** The signed-in person's name and role, their settings, and signing out. */
export function UserMenu({ me, link: Link }: { me: Me; link: MenuLink }) {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <div className="user-menu">
      <span className="user-menu__who">
        <span className="visually-hidden">{t('auth.signedInAs', { name: '' })}</span>
        <strong>{me.displayName}</strong>
        <span className="user-menu__role">{t(`auth.role.${me.role}`)}</span>
      </span>
      <Link to="/settings" className="user-menu__settings">
        {t('settings.link')}
      </Link>
      <button type="button" className="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t('auth.signOut')}
      </button>
    </div>
  );
}
