import type { DemoAccounts, Language } from '@tillit/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { BrandLogo } from '../components/ui/BrandLogo';
import { DemoNote } from '../components/ui/DemoNote';
import { LanguageButtons } from '../components/ui/LanguageButtons';
import { homeFor, safeNext } from '../features/auth/home';
import { isLanguage, rememberLanguage, storedLanguage } from '../i18n/language-store';
import { fetchDemoAccounts, fetchHealth, fetchMe, signIn } from './sign-in-api';
import { fill, signInErrorText, TEXTS } from './texts';

/** `?lang=en` on the address wins (and is remembered); otherwise the remembered choice. */
function initialLanguage(): Language {
  const asked = new URLSearchParams(window.location.search).get('lang');
  if (isLanguage(asked)) {
    rememberLanguage(asked);
    return asked;
  }
  const language = storedLanguage();
  document.documentElement.lang = language;
  return language;
}

/**
 * The sign-in page: the same look, texts and accessibility as the rest of the app, but React
 * alone (no router, react-query, i18next or zod), so the first page anyone opens is small. After
 * signing in, the browser goes to `next` (only paths on this site) or the person's start page with
 * a full page load, which fetches the app.
 */
export function SignInPage() {
  const [language, setLanguage] = useState(initialLanguage);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [isPending, setPending] = useState(false);
  const [isDemo, setIsDemo] = useState(false);
  const [demo, setDemoAccounts] = useState<DemoAccounts | null>(null);
  const texts = TEXTS[language];
  const search = new URLSearchParams(window.location.search);
  const next = safeNext(search.get('next'), window.location.origin);

  useEffect(() => {
    document.title = fill(texts.app.pageTitle, { page: texts.auth.title });
  }, [texts]);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    const ignore = () => undefined;
    // Someone already signed in goes on, as the app's own sign-in route did.
    fetchMe(signal).then((me) => {
      if (me) window.location.replace(next ?? homeFor(me));
    }, ignore);
    fetchHealth(signal).then((health) => setIsDemo(health.isDemo), ignore);
    fetchDemoAccounts(signal).then(setDemoAccounts, ignore);
    return () => controller.abort();
  }, [next]);

  const chooseLanguage = (chosen: Language) => {
    rememberLanguage(chosen);
    setLanguage(chosen);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setPending(true);
    signIn({ username, password }).then(
      // A full page load: the app starts afresh for this person, with nothing cached from before.
      (me) => window.location.replace(next ?? homeFor(me)),
      (failure: unknown) => {
        setError(failure);
        setPending(false);
      },
    );
  };

  const demoPassword = demo?.password ?? '';
  return (
    <>
      <header className="site-header">
        <div className="site-header__bar">
          <span className="brand">
            <BrandLogo name={texts.app.name} tagline={texts.app.tagline} />
          </span>
          <LanguageButtons
            label={texts.language.label}
            names={{ sv: texts.language.sv, en: texts.language.en }}
            language={language}
            onChange={chooseLanguage}
          />
        </div>
        {isDemo && <DemoNote label={texts.app.demoLabel} text={texts.app.demoBanner} />}
      </header>
      <main id="main" className="login" tabIndex={-1}>
        <div className="login__panel">
          <h1>{texts.auth.title}</h1>
          <p>{texts.auth.intro}</p>
          {search.get('expired') === '1' && <p className="login__note">{texts.auth.sessionEnded}</p>}
          <form onSubmit={onSubmit} noValidate className="form">
            <div className="form__field">
              <label htmlFor="login-username">{texts.auth.username}</label>
              <input
                id="login-username"
                name="username"
                autoComplete="username"
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </div>
            <div className="form__field">
              <label htmlFor="login-password">{texts.auth.password}</label>
              <input
                id="login-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </div>
            {error !== null && (
              <p className="form__error" role="alert">
                {signInErrorText(error, texts)}
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={isPending}>
              {isPending ? texts.auth.submitting : texts.auth.submit}
            </button>
          </form>
        </div>
        {demo && demo.accounts.length > 0 && (
          <section className="login__panel login__demo" aria-labelledby="demo-heading">
            <h2 id="demo-heading">{texts.auth.demoHeading}</h2>
            <p>{fill(texts.auth.demoIntro, { password: demoPassword })}</p>
            <ul className="demo-accounts">
              {demo.accounts.map((a) => (
                <li key={a.username}>
                  <span>
                    <strong>{a.username}</strong> – {texts.auth.role[a.role]}
                    <br />
                    <span className="muted">{a.displayName}</span>
                  </span>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setUsername(a.username);
                      setPassword(demoPassword);
                    }}
                  >
                    {fill(texts.auth.demoUse, { username: a.username })}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </>
  );
}
