import type { Me } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useSearchParams } from 'react-router';
import { homeFor } from '../features/auth/home';
import { NavCount, type NavCountKind } from '../features/data-needs/NavCount';
import { UserMenu } from '../features/auth/UserMenu';
import { hrefForUnit } from '../features/units/unit-tree';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';
import { BrandMark } from './SimpleHeader';

interface NavItem {
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
