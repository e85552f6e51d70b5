import { can, type Me } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { HeaderFrame } from '../app/HeaderFrame';
import { navItemsFor } from '../app/nav-items';
import { homeFor } from '../features/auth/home';
import { PlainLink } from '../features/auth/UserMenu';
import { NavCount } from '../features/data-needs/NavCount';
import { hrefForUnit } from '../features/units/unit-tree';

/**
 * The app's header (app/Header.tsx) for the summary's own entry: the same frame and menu for
 * the role, folded the same way on a phone, as plain links, since this page has no router; each
 * leads into the app with a page load.
 */
export function SummaryHeader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const unit = new URLSearchParams(window.location.search).get('unit');
  return (
    <HeaderFrame me={me} home={can(me.role, 'readFigures') ? hrefForUnit('/', unit) : homeFor(me)} link={PlainLink} place={window.location.href}>
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
    </HeaderFrame>
  );
}
