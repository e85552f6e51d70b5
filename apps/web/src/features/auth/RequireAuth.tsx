import { type Action, can, type Me } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { homeFor } from './home';
import { meQueries } from './queries';
import { SignInRedirect, signInHref } from './SignInRedirect';

/**
 * Shows its children to a signed-in person whose role may see them. Nobody signed in: to the
 * sign-in page, coming back here afterwards. The wrong role: to their own start page, or a plain
 * "not allowed". The server decides the same on every request; this only spares a dead end.
 */
export function RequireAuth({ action, children }: { action?: Action; children: (me: Me) => ReactNode }) {
  const location = useLocation();
  const me = useQuery(meQueries.me());
  return (
    <QueryState query={me}>
      {(user) => {
        if (!user) {
          return <SignInRedirect to={signInHref(`${location.pathname}${location.search}`)} />;
        }
        if (action && !can(user.role, action)) {
          const home = homeFor(user);
          const homePath = home.split('?')[0];
          return homePath !== location.pathname ? <Navigate to={home} replace /> : <Forbidden />;
        }
        return children(user);
      }}
    </QueryState>
  );
}

function Forbidden() {
  const { t } = useTranslation();
  return (
    <div className="page-header">
      <PageTitle page={t('auth.forbiddenTitle')} />
      <h1>{t('auth.forbiddenTitle')}</h1>
      <p className="lead">{t('auth.forbiddenBody')}</p>
    </div>
  );
}
