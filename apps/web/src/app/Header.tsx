import { can, type Me } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useSearchParams } from 'react-router';
import { ADMIN_HOME, ADMIN_PAGES, isAdminPath } from '../features/admin/admin-pages';
import { homeFor } from '../features/auth/home';
import { NavCount } from '../features/data-needs/NavCount';
import { hrefForUnit } from '../features/units/unit-tree';
import { HeaderFrame } from './HeaderFrame';
import { navItemsFor } from './nav-items';

export function Header({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const { pathname, search } = useLocation();
  const unit = searchParams.get('unit');
  const isAdmin = can(me.role, 'administer') && isAdminPath(pathname);
  return (
    <HeaderFrame me={me} home={can(me.role, 'readFigures') ? hrefForUnit('/', unit) : homeFor(me)} link={Link} place={`${pathname}${search}`}>
      <nav className="main-nav" aria-label={t('nav.label')}>
        <ul>
          {navItemsFor(me.role).map((item) => (
            <li key={item.to}>
              {item.to === ADMIN_HOME ? (
                // The section's entry: current on the page itself, and marked (not "page") on the pages under it.
                <Link to={item.to} aria-current={pathname === ADMIN_HOME ? 'page' : isAdmin ? 'true' : undefined}>
                  {t(item.label)}
                </Link>
              ) : (
                <NavLink to={item.keepsUnit ? hrefForUnit(item.to, unit) : item.to} end={item.isEnd}>
                  {t(item.label)}
                  {item.count && <NavCount kind={item.count} />}
                </NavLink>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {isAdmin && (
        <nav className="admin-nav" aria-label={t('menu.adminLabel')}>
          <ul>
            {ADMIN_PAGES.map((p) => (
              <li key={p.to}>
                <NavLink to={p.to}>{t(p.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </HeaderFrame>
  );
}
