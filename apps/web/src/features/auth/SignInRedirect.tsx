import { useEffect } from 'react';
import { PageLoading } from '../../app/PageLoading';

// Whether this app itself was loaded at /login, which means the server answered /login with the
// app instead of login.html (a misconfigured proxy, say): then go to the file by its name, which
// no server answers with the app, rather than reload /login for ever.
const isLoadedAtSignIn = window.location.pathname === '/login';

/** The sign-in page's address, with where to come back to afterwards. */
export function signInHref(next?: string): string {
  return next ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/**
 * Leaves the app for the sign-in page. That page is its own small entry (login.html, src/login/)
 * outside the router, so it is reached with a full page load; the history entry is replaced, as
 * a redirect should be, so Back does not lead into the redirect again.
 */
export function SignInRedirect({ to }: { to: string }) {
  useEffect(() => {
    window.location.replace(isLoadedAtSignIn ? to.replace(/^\/login/, '/login.html') : to);
  }, [to]);
  return <PageLoading />;
}
