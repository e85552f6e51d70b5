import type { Me } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLogout } from './queries';

/** The signed-in person's name and role, their settings, and signing out. */
export function UserMenu({ me }: { me: Me }) {
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
