import { can, type Me } from '@tillit/domain';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useSearchParams } from 'react-router';
import { ADMIN_HOME, ADMIN_PAGES, isAdminPath } from '../features/admin/admin-pages';
import { homeFor } from '../features/auth/home';
import { NavCount } from '../features/data-needs/NavCount';
import { UserMenu } from '../features/auth/UserMenu';
import { hrefForUnit } from '../features/units/unit-tree';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { navItemsFor } from './nav-items';
import { BrandMark } from './SimpleHeader';

export { navItemsFor } from './nav-items';

/**
 * The menu folds behind a button on narrow screens (a disclosure: the button says whether it is
 * open, Escape closes it and gives the button focus back), so that the page itself starts in
 * the first screen. It closes when a link in it is followed.
 */
function useDisclosure() {
  const [isOpen, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname, search } = useLocation();
  useEffect(() => setOpen(false), [pathname, search]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !isOpen) return;
    setOpen(false);
    button.current?.focus();
  };
  return { isOpen, toggle: () => setOpen((o) => !o), button, onKeyDown };
}

export function Header({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const unit = searchParams.get('unit');
  const panelId = useId();
  const menu = useDisclosure();
  const isAdmin = can(me.role, 'administer') && isAdminPath(pathname);
  return (
    <header className="site-header">
      <div className="site-header__bar site-header__bar--app" onKeyDown={menu.onKeyDown}>
        <Link to={can(me.role, 'readFigures') ? hrefForUnit('/', unit) : homeFor(me)} className="brand">
          <BrandMark />
        </Link>
        <button
          ref={menu.button}
          type="button"
          className="menu-toggle"
          aria-expanded={menu.isOpen}
          aria-controls={panelId}
          onClick={menu.toggle}
        >
          <svg className="menu-toggle__icon" viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
            <path d={menu.isOpen ? 'M5 5l10 10M15 5L5 15' : 'M3 5h14M3 10h14M3 15h14'} />
          </svg>
          {t('menu.open')}
        </button>
        <div id={panelId} className={menu.isOpen ? 'site-header__panel site-header__panel--open' : 'site-header__panel'}>
          {/* The signed-in person's corner; a link to their own settings belongs here too. */}
          <div className="site-header__tools">
            <LanguageSwitch />
            <UserMenu me={me} link={Link} />
          </div>
          <div className="site-header__nav">
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
          </div>
        </div>
      </div>
      <DemoBanner />
    </header>
  );
}
