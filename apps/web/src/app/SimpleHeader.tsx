import { useTranslation } from 'react-i18next';
import { BrandLogo } from '../components/ui/BrandLogo';
import { DemoBanner } from './DemoBanner';
import { LanguageSwitch } from './LanguageSwitch';

/** The product's mark and name; inside the header's home link when signed in, plain text otherwise. */
export function BrandMark() {
  const { t } = useTranslation();
  return <BrandLogo name={t('app.name')} tagline={t('app.tagline')} />;
}

/** The header of pages without a session (a public summary link; the sign-in page, src/login/, draws the same): no menu. */
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
