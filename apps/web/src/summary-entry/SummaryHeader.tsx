import { can, type Me } from '@tillit/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoBanner } from '../app/DemoBanner';
import { LanguageSwitch } from '../app/LanguageSwitch';
import { MenuToggle, useMenuDisclosure } from '../app/menu-disclosure';
import { navItemsFor } from '../app/nav-items';
import { BrandMark } from '../app/SimpleHeader';
import { homeFor } from '../features/auth/home';
import { PlainLink, UserMenu } from '../features/auth/UserMenu';
import { NavCount } from '../features/data-needs/NavCount';
import { hrefForUnit } from '../features/units/unit-tree';

/**
 * The app's header (app/Header.tsx) for the summary's own entry: the same menu for the role,
 * folded the same way on a phone, as plain links, since this page has no router; each leads
 * into the app with a page load.
 */
export function SummaryHeader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const unit = new URLSearchParams(window.location.search).get('unit');
  const panelId = useId();
  const menu = useMenuDisclosure(window.location.href);
  return (
    <header className="site-header">
      <div className="site-header__bar site-header__bar--app" onKeyDown={menu.onKeyDown}>
        <a href={can(me.role, 'readFigures') ? hrefForUnit('/', unit) : homeFor(me)} className="brand">
          <BrandMark />
        </a>
        <MenuToggle menu={menu} panelId={panelId} />
        <div id={panelId} className={menu.isOpen ? 'site-header__panel site-header__panel--open' : 'site-header__panel'}>
          <div className="site-header__tools">
            <LanguageSwitch />
            <UserMenu me={me} link={PlainLink} />
          </div>
          <div className="site-header__nav">
            <nav className="main-nav" aria-label={t('nav.label')}>
              <ul>
                {navItemsFor(me.role).map((item) => (
                  <li key={item.to}>
                    <a href={item.keepsUnit ? hrefForUnit(item.to, unit) : item.to} aria-current={item.to === '/summary' ? 'page' : undefined}>
                      {t(item.label)}
                      {item.count && <NavCount kind={item.count} />}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
        </div>
      </div>
      <DemoBanner />
    </header>
  );
}
