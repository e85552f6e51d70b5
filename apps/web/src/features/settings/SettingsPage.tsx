import { type Language, LOCALES, type MailKind, type Settings } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { settingsQueries, useUpdateSettings } from './queries';

/** `/settings`, "Mina inställningar": which e-mail the person wants, and in which language. */
export function SettingsPage() {
  const { t } = useTranslation();
  const settings = useQuery(settingsQueries.mine());
  return (
    <>
      <PageTitle page={t('settings.title')} />
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
        <p className="lead">{t('settings.intro')}</p>
      </div>
      <QueryState query={settings}>{(s) => <SettingsForm settings={s} />}</QueryState>
    </>
  );
}

function SettingsForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const { setLanguage } = useLanguage();
  const update = useUpdateSettings();
  const [mail, setMail] = useState<Partial<Record<MailKind, boolean>>>(() => Object.fromEntries(settings.mail.map((m) => [m.kind, m.isOn])));
  const [language, setChosenLanguage] = useState<Language>(settings.language);
  const [isSaved, setSaved] = useState(false);
  const change = () => setSaved(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { language, mail },
      {
        onSuccess: (saved) => {
          setSaved(true);
          // Tillit itself follows the language chosen for its e-mail.
          setLanguage(saved.language);
        },
      },
    );
  };

  return (
    <form className="form settings-form" noValidate onSubmit={onSubmit}>
      <section className="section" aria-labelledby="settings-email-heading">
        <h2 id="settings-email-heading">{t('settings.emailHeading')}</h2>
        {settings.email === null ? (
          <p>{t('settings.noAddress')}</p>
        ) : (
          <p>
            {t('settings.address', { email: settings.email })}{' '}
            {settings.isEmailFromProvider ? t('settings.addressFromProvider') : t('settings.addressByAdmin')}
          </p>
        )}
        {!settings.isMailOn && <p className="notice mail-notice">{t('settings.mailOff')}</p>}
        <fieldset className="field settings-form__choices">
          <legend>{t('settings.kindsLegend')}</legend>
          {settings.mail.map(({ kind }) => (
            <div className="radio" key={kind}>
              <input
                type="checkbox"
                id={`mail-${kind}`}
                checked={mail[kind] ?? true}
                onChange={(e) => {
                  setMail({ ...mail, [kind]: e.target.checked });
                  change();
                }}
                aria-describedby={`mail-${kind}-hint`}
              />
              <label htmlFor={`mail-${kind}`}>{t(`settings.kind.${kind}`)}</label>
              <span id={`mail-${kind}-hint`} className="field-hint">
                {t(`settings.kindHint.${kind}`)}
              </span>
            </div>
          ))}
        </fieldset>
        <p className="muted">{t('settings.noFigures')}</p>
      </section>
      <section className="section" aria-labelledby="settings-language-heading">
        <h2 id="settings-language-heading">{t('settings.languageLegend')}</h2>
        <fieldset className="field settings-form__choices" aria-labelledby="settings-language-heading" aria-describedby="settings-language-hint">
          <p id="settings-language-hint" className="field-hint">
            {t('settings.languageHint')}
          </p>
          {LOCALES.map((l) => (
            <div className="radio" key={l}>
              <input
                type="radio"
                id={`language-${l}`}
                name="language"
                value={l}
                checked={language === l}
                onChange={() => {
                  setChosenLanguage(l);
                  change();
                }}
              />
              <label htmlFor={`language-${l}`} lang={l}>
                {t(`settings.languages.${l}`)}
              </label>
            </div>
          ))}
        </fieldset>
      </section>
      {update.isError && (
        <p className="form__error" role="alert">
          {update.error.message}
        </p>
      )}
      <div className="settings-form__actions">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {t('settings.save')}
        </button>
        <p role="status" className="settings-form__saved">
          {isSaved ? t('settings.saved') : ''}
        </p>
      </div>
    </form>
  );
}
