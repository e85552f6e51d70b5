import { languageSchema } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../i18n/useLanguage';

/** Swedish or English; each button names its language in that language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {languageSchema.options.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="lang-switch__button"
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}
