import { useTranslation } from 'react-i18next';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';

/** The product's mark and name; inside the header's home link when signed in, plain text otherwise. */
export function BrandMark() {
  const { t } = useTranslation();
  return (
    <>
      <svg aria-hidden="true" viewBox="0 0 32 32" width="30" height="30" className="brand__mark">
        <rect width="32" height="32" rx="7" fill="currentColor" />
        <path d="M9 10h14M16 10v14" stroke="#fff" strokeWidth="3.5" strokeLinecap="round" />
      </svg>
      <span className="brand__text">
        <span className="brand__name">{t('app.name')}</span>
        <span className="brand__tagline">{t('app.tagline')}</span>
      </span>
    </>
  );
}

/** The header of pages without a session (sign-in, a public summary link): no menu. */
export function SimpleHeader() {
  return (
    <header className="site-header">
      <div className="site-header__bar">
        <span className="brand">
          <BrandMark />
        </span>
        <LanguageSwitch />
      </div>
      <DemoBanner />
    </header>
  );
}
