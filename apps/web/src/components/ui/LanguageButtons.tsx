import type { Language } from '@tillit/domain';
import { LANGUAGES } from '../../i18n/language-store';

/**
 * Swedish or English; each button names its language in that language. Plain props so the
 * sign-in page can draw it without i18next.
 */
export function LanguageButtons({
  label,
  names,
  language,
  onChange,
}: {
  label: string;
  names: Record<Language, string>;
  language: Language;
  onChange: (language: Language) => void;
}) {
  return (
    <div className="lang-switch" role="group" aria-label={label}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="lang-switch__button"
          aria-pressed={language === option}
          onClick={() => onChange(option)}
        >
          {names[option]}
        </button>
      ))}
    </div>
  );
}
