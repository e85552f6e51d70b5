import type { PublicLinkCreated } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { CreatedLink } from './CreatedLink';
import { LinkList } from './LinkList';
import { publicLinkQueries, useCreatePublicLink } from './queries';

/** `/admin/public-links`: the development manager creates and revokes read-only links to the summary. */
export function PublicLinksPage() {
  const { t } = useTranslation();
  const links = useQuery(publicLinkQueries.list());
  const create = useCreatePublicLink();
  const [label, setLabel] = useState('');
  const [showAuthors, setShowAuthors] = useState(false);
  const [created, setCreated] = useState<PublicLinkCreated | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { label, showAuthors },
      {
        onSuccess: (link) => {
          setCreated(link);
          setLabel('');
          setShowAuthors(false);
        },
      },
    );
  };
  const fieldError =
    create.error instanceof ApiError ? (create.error.details.find((d) => d.path === 'body.label')?.message ?? create.error.message) : null;

  return (
    <>
      <PageTitle page={t('publicLinks.title')} />
      <div className="page-header">
        <h1>{t('publicLinks.title')}</h1>
        <p className="lead">{t('publicLinks.intro')}</p>
      </div>

      {created && <CreatedLink link={created} onDone={() => setCreated(null)} />}

      <section className="admin-panel" aria-labelledby="create-link-heading">
        <h2 id="create-link-heading">{t('publicLinks.createHeading')}</h2>
        <form className="form public-link-form" onSubmit={onSubmit} noValidate>
          <div className="form__field">
            <label htmlFor="public-link-label">{t('publicLinks.label')}</label>
            <input
              id="public-link-label"
              name="label"
              required
              maxLength={200}
              value={label}
              onChange={(e) => setLabel(e.target.value)}
              aria-describedby={fieldError ? 'public-link-label-hint public-link-label-error' : 'public-link-label-hint'}
              aria-invalid={fieldError ? true : undefined}
            />
            <p id="public-link-label-hint" className="form__hint">
              {t('publicLinks.labelHint')}
            </p>
            {fieldError && (
              <p id="public-link-label-error" className="form__error" role="alert">
                {fieldError}
              </p>
            )}
          </div>
          <div className="public-link-form__check">
            <input
              id="public-link-authors"
              name="showAuthors"
              type="checkbox"
              checked={showAuthors}
              onChange={(e) => setShowAuthors(e.target.checked)}
              aria-describedby="public-link-authors-hint"
            />
            <label htmlFor="public-link-authors">{t('publicLinks.authors.field')}</label>
            <p id="public-link-authors-hint" className="form__hint">
              {t('publicLinks.authors.hint')}
            </p>
          </div>
          <div>
            <button type="submit" className="button button--primary" disabled={create.isPending}>
              {create.isPending ? t('publicLinks.creating') : t('publicLinks.create')}
            </button>
          </div>
        </form>
      </section>

      <section className="admin-panel" aria-labelledby="link-list-heading">
        <h2 id="link-list-heading">{t('publicLinks.listHeading')}</h2>
        <QueryState
          query={links}
          loadingLabel={t('publicLinks.loading')}
          headingLevel={3}
          isEmpty={(list) => list.length === 0}
          emptyMessage={t('publicLinks.empty')}
        >
          {(list) => <LinkList links={list} />}
        </QueryState>
      </section>
    </>
  );
}
