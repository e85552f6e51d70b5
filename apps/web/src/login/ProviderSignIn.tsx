import type { ProvidersResponse } from '@tillit/domain';
import type { SignInTexts } from '../i18n/sign-in-texts';
import { providerButtonText } from './texts';

/**
 * The button that signs in through the organisation's identity provider (OIDC): a link to the
 * server's login route, which sends the browser on to the provider and back to `next`. When the
 * provider cannot be reached the button says so; clicking it still tries again.
 */
export function ProviderSignIn({
  oidc,
  next,
  texts,
}: {
  oidc: NonNullable<ProvidersResponse['oidc']>;
  next: string | null;
  texts: SignInTexts;
}) {
  const href = next ? `${oidc.loginUrl}?next=${encodeURIComponent(next)}` : oidc.loginUrl;
  return (
    <div className="login__provider">
      <p>{texts.sso.intro}</p>
      <a className="button button--primary login__provider-button" href={href} aria-describedby={oidc.isReachable ? undefined : 'provider-unreachable'}>
        {providerButtonText(oidc.name, oidc.isReachable, texts)}
      </a>
      {!oidc.isReachable && (
        <p id="provider-unreachable" className="login__note">
          {texts.sso.unreachable}
        </p>
      )}
    </div>
  );
}
