import { can } from '@tillit/domain';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration, useLocation } from 'react-router';
import { RequireAuth } from '../features/auth/RequireAuth';
import { UnitTree } from '../features/units/UnitTree';
import { Footer } from './Footer';
import { Header } from './Header';

/** Moves focus to the main content when the page (not only the unit) changes, as a page load would. */
function useFocusMainOnNavigate() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);
}

export function Layout() {
  const { t } = useTranslation();
  useFocusMainOnNavigate();
  return (
    <RequireAuth>
      {(me) => (
        <>
          <a href="#main" className="skip-link">
            {t('app.skipLink')}
          </a>
          <Header me={me} />
          <div className={can(me.role, 'readFigures') ? 'shell' : 'shell shell--single'}>
            {can(me.role, 'readFigures') && (
              <aside className="shell__sidebar">
                <UnitTree />
              </aside>
            )}
            <main id="main" className="shell__main" tabIndex={-1}>
              <Outlet />
            </main>
          </div>
          <Footer />
          <ScrollRestoration />
        </>
      )}
    </RequireAuth>
  );
}
