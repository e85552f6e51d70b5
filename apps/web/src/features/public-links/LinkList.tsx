import type { PublicLink } from '@tillit/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { useLanguage } from '../../i18n/useLanguage';
import { linkRows, type LinkRow } from './link-model';
import { useRevokePublicLink, useSetShowAuthors } from './queries';

/** Every link, working ones first; revoking asks once more before it happens. */
export function LinkList({ links }: { links: readonly PublicLink[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const revoke = useRevokePublicLink();
  const authors = useSetShowAuthors();
  const [confirming, setConfirming] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const rows = linkRows(links, language, t);

  const onRevoke = (row: LinkRow) =>
    revoke.mutate(row.id, {
      onSuccess: () => {
        setConfirming(null);
        setMessage(t('publicLinks.revoked', { label: row.label }));
      },
    });

  const onToggleAuthors = (row: LinkRow) =>
    authors.mutate(
      { id: row.id, showAuthors: !row.showAuthors },
      {
        onSuccess: (link) =>
          setMessage(t(link.showAuthors ? 'publicLinks.authors.nowShown' : 'publicLinks.authors.nowHidden', { label: row.label })),
      },
    );

  return (
    <>
      <p role="status" className="link-list__status">
        {message}
      </p>
      {revoke.isError && <ErrorMessage error={revoke.error} headingLevel={3} />}
      {authors.isError && <ErrorMessage error={authors.error} headingLevel={3} />}
      <div className="table-scroll" role="region" aria-labelledby="public-links-caption" tabIndex={0}>
        <table className="data-table link-table">
          <caption id="public-links-caption">{t('publicLinks.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('publicLinks.column.label')}</th>
              <th scope="col">{t('publicLinks.column.createdBy')}</th>
              <th scope="col">{t('publicLinks.column.createdAt')}</th>
              <th scope="col">{t('publicLinks.column.status')}</th>
              <th scope="col">{t('publicLinks.authors.column')}</th>
              <th scope="col">{t('publicLinks.column.action')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.isActive ? undefined : 'link-table__revoked'}>
                <th scope="row">{row.label}</th>
                <td>{row.createdBy}</td>
                <td>{row.createdAt}</td>
                <td>
                  <span className={`tag ${row.isActive ? 'tag--improving' : 'tag--muted'}`}>{row.status}</span>
                </td>
                <td>
                  {row.authors}
                  {row.isActive && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t(row.showAuthors ? 'publicLinks.authors.hideFor' : 'publicLinks.authors.showFor', { label: row.label })}
                        disabled={authors.isPending}
                        onClick={() => onToggleAuthors(row)}
                      >
                        {row.showAuthors ? t('publicLinks.authors.hide') : t('publicLinks.authors.show')}
                      </button>
                    </>
                  )}
                </td>
                <td>
                  {row.isActive && confirming !== row.id && (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('publicLinks.revokeFor', { label: row.label })}
                      onClick={() => setConfirming(row.id)}
                    >
                      {t('publicLinks.revoke')}
                    </button>
                  )}
                  {row.isActive && confirming === row.id && (
                    <div className="link-table__confirm" role="group" aria-label={t('publicLinks.revokeFor', { label: row.label })}>
                      <p>{t('publicLinks.confirmRevoke', { label: row.label })}</p>
                      <button type="button" className="button button--danger" disabled={revoke.isPending} onClick={() => onRevoke(row)}>
                        {t('publicLinks.confirmYes')}
                      </button>{' '}
                      <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                        {t('publicLinks.cancel')}
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
