import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hrefForUnit } from '../features/units/unit-tree';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <Link to={hrefForUnit('/', searchParams.get('unit'))} className="brand">
          <svg aria-hidden="true" viewBox="0 0 32 32" width="30" height="30" className="brand__mark">
            <rect width="32" height="32" rx="7" fill="currentColor" />
            <path d="M9 10h14M16 10v14" stroke="#fff" strokeWidth="3.5" strokeLinecap="round" />
          </svg>
          <span className="brand__text">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tagline">{t('app.tagline')}</span>
          </span>
        </Link>
        <LanguageSwitch />
      </div>
      <DemoBanner />
    </header>
  );
}
