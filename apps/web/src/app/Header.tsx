import type { Me } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useSearchParams } from 'react-router';
import { homeFor } from '../features/auth/home';
import { NavCount } from '../features/data-needs/NavCount';
import { UserMenu } from '../features/auth/UserMenu';
import { hrefForUnit } from '../features/units/unit-tree';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { navItemsFor } from './nav-items';
import { BrandMark } from './SimpleHeader';

export { navItemsFor } from './nav-items';

export function Header({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const unit = searchParams.get('unit');
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to={me.role === 'politician' ? homeFor(me) : hrefForUnit('/', unit)} className="brand">
          <BrandMark />
        </Link>
        <div className="site-header__tools">
          <LanguageSwitch />
          <UserMenu me={me} />
        </div>
      </div>
      <div className="site-header__nav">
        <nav className="main-nav" aria-label={t('nav.label')}>
          <ul>
            {navItemsFor(me.role).map((item) => (
              <li key={item.to}>
                <NavLink to={item.keepsUnit ? hrefForUnit(item.to, unit) : item.to} end={item.to === '/' || item.to === '/data-needs'}>
                  {t(item.label)}
                  {item.count && <NavCount kind={item.count} />}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <DemoBanner />
    </header>
  );
}
