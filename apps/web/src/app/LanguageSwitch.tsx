import { useTranslation } from 'react-i18next';
import { LanguageButtons } from '../components/ui/LanguageButtons';
import { useLanguage } from '../i18n/useLanguage';

/** Swedish or English; each button names its language in that language. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <LanguageButtons
      label={t('language.label')}
      names={{ sv: t('language.sv'), en: t('language.en') }}
      language={language}
      onChange={setLanguage}
    />
  );
}
