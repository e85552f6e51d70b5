import type { Me } from '@tillit/domain';
import { useId, type ReactNode } from 'react';
import { UserMenu, type MenuLink } from '../features/auth/UserMenu';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { MenuToggle, useMenuDisclosure } from './menu-disclosure';
import { BrandMark } from './SimpleHeader';

/**
 * The signed-in header's frame, the same in the app (app/Header.tsx, the router's links) and in
 * the summary's own entry (summary-entry/SummaryHeader.tsx, plain links): the brand, the menu
 * folded behind a button on a phone, the language switch and the person's menu, the main menu
 * (`children`: the main menu and any sub-menu), the demo banner. `place` closes the folded menu when it changes.
 */
export function HeaderFrame({ me, home, link: Link, place, children }: { me: Me; home: string; link: MenuLink; place: string; children: ReactNode }) {
  const panelId = useId();
  const menu = useMenuDisclosure(place);
  return (
    <header className="site-header">
      <div className="site-header__bar site-header__bar--app" onKeyDown={menu.onKeyDown}>
        <Link to={home} className="brand">
          <BrandMark />
        </Link>
        <MenuToggle menu={menu} panelId={panelId} />
        <div id={panelId} className={menu.isOpen ? 'site-header__panel site-header__panel--open' : 'site-header__panel'}>
          {/* The signed-in person's corner; a link to their own settings belongs here too. */}
          <div className="site-header__tools">
            <LanguageSwitch />
            <UserMenu me={me} link={Link} />
          </div>
          <div className="site-header__nav">{children}</div>
        </div>
      </div>
      <DemoBanner />
    </header>
  );
}
