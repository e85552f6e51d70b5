import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { SimpleHeader } from '../../app/SimpleHeader';
import { PageTitle } from '../../components/ui/PageTitle';
import { homeFor, safeNext } from './home';
import { meQueries, useLogin } from './queries';

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const me = useQuery(meQueries.me());
  const demo = useQuery(meQueries.demoAccounts());
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(searchParams.get('next'));

  if (me.data) return <Navigate to={next ?? homeFor(me.data)} replace />;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate(
      { username, password },
      { onSuccess: (user) => navigate(next ?? homeFor(user), { replace: true }) },
    );
  };

  return (
    <>
      <SimpleHeader />
      <main id="main" className="login" tabIndex={-1}>
        <PageTitle page={t('auth.title')} />
        <div className="login__panel">
          <h1>{t('auth.title')}</h1>
          <p>{t('auth.intro')}</p>
          {searchParams.get('expired') === '1' && <p className="login__note">{t('auth.sessionEnded')}</p>}
          <form onSubmit={onSubmit} noValidate className="form">
            <div className="form__field">
              <label htmlFor="login-username">{t('auth.username')}</label>
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
              <label htmlFor="login-password">{t('auth.password')}</label>
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
            {login.isError && (
              <p className="form__error" role="alert">
                {loginErrorText(login.error, t)}
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={login.isPending}>
              {login.isPending ? t('auth.submitting') : t('auth.submit')}
            </button>
          </form>
        </div>
        {demo.data && demo.data.accounts.length > 0 && (
          <section className="login__panel login__demo" aria-labelledby="demo-heading">
            <h2 id="demo-heading">{t('auth.demoHeading')}</h2>
            <p>{t('auth.demoIntro', { password: demo.data.password ?? '' })}</p>
            <ul className="demo-accounts">
              {demo.data.accounts.map((a) => (
                <li key={a.username}>
                  <span>
                    <strong>{a.username}</strong> – {t(`auth.role.${a.role}`)}
                    <br />
                    <span className="muted">{a.displayName}</span>
                  </span>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      setUsername(a.username);
                      setPassword(demo.data.password ?? '');
                    }}
                  >
                    {t('auth.demoUse', { username: a.username })}
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

// TFunction, like the other helpers: the hook's own type is too deep for TypeScript to check.
function loginErrorText(error: Error, t: TFunction): string {
  if (error instanceof ApiError && error.status === 401) return t('auth.wrong');
  if (error instanceof ApiError && error.status === 429) return t('auth.tooMany', { message: error.message });
  return t('auth.failed', { message: error.message });
}
