import type { PublicLinkCreated } from '@tillit/domain';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkAddress } from './link-model';

/** The new link, shown this once, with a way to copy it. Focus moves here so it is not missed. */
export function CreatedLink({ link, onDone }: { link: PublicLinkCreated; onDone: () => void }) {
  const { t } = useTranslation();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const address = linkAddress(window.location.origin, link.path);

  useEffect(() => headingRef.current?.focus(), []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      setCopyState('copied');
    } catch {
      // Clipboard access can be refused (an insecure origin, a policy): select it for the user.
      inputRef.current?.select();
      setCopyState('failed');
    }
  };

  return (
    <section className="created-link" aria-labelledby="created-link-heading">
      <h2 id="created-link-heading" ref={headingRef} tabIndex={-1}>
        {t('publicLinks.createdHeading')}
      </h2>
      <p>{t('publicLinks.createdBody')}</p>
      <div className="form__field">
        <label htmlFor="created-link-url">{t('publicLinks.urlLabel', { label: link.label })}</label>
        <div className="created-link__row">
          <input
            id="created-link-url"
            ref={inputRef}
            readOnly
            value={address}
            onFocus={(e) => e.currentTarget.select()}
            className="created-link__url"
          />
          <button type="button" className="button button--primary" onClick={() => void copy()}>
            {t('publicLinks.copy')}
          </button>
        </div>
      </div>
      <p role="status" className="created-link__status">
        {copyState === 'copied' ? t('publicLinks.copied') : copyState === 'failed' ? t('publicLinks.copyFailed') : ''}
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>
        {t('publicLinks.close')}
      </button>
    </section>
  );
}
