import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '../../components/ui/PageTitle';
import { OutboxHealth } from '../mail/OutboxHealth';
import { QueryState } from '../../components/ui/QueryState';
import { filtersFromSearch, hasFilters, newestFirst } from './data-need-model';
import { InboxFilters } from './InboxFilters';
import { InboxItem } from './InboxItem';
import { InboxStats } from './InboxStats';
import { NavCount } from './NavCount';
import { dataNeedQueries } from './queries';
import { useNames } from '../units/useNames';

/** `/data-needs`: every answer to "Vilka data behöver du?", for the development manager to answer. */
export function InboxPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const stats = useQuery(dataNeedQueries.stats());
  const list = useQuery(dataNeedQueries.inbox(filters));
  const names = useNames();
  return (
    <>
      <PageTitle page={t('dataNeeds.inbox.title')} />
      <div className="page-header">
        <p className="kicker">{t('dataNeeds.kicker')}</p>
        <h1>{t('dataNeeds.inbox.title')}</h1>
        <p className="lead">{t('dataNeeds.inbox.intro')}</p>
        {/* The development manager's own questions: the menu's "Frågor" leads here, so this leads on. */}
        <p>
          <Link to="/data-needs/mine">
            {t('nav.myDataNeeds')}
            <NavCount kind="unreadReplies" />
          </Link>
        </p>
      </div>
      <section className="section" aria-labelledby="inbox-health-heading">
        <h2 id="inbox-health-heading">{t('dataNeeds.stats.heading')}</h2>
        <QueryState query={stats} headingLevel={3} size="compact">
          {(data) => <InboxStats stats={data} />}
        </QueryState>
      </section>
      <OutboxHealth />
      <InboxFilters filters={filters} metrics={names.metrics} units={names.units} onChange={(search) => setSearchParams(search)} />
      <section className="section" aria-labelledby="inbox-list-heading">
        <h2 id="inbox-list-heading">
          {list.data ? t('dataNeeds.inbox.listHeadingCount', { count: list.data.length }) : t('dataNeeds.inbox.listHeading')}
        </h2>
        <QueryState
          query={list}
          loadingLabel={t('dataNeeds.loading')}
          headingLevel={3}
          isEmpty={(l) => l.length === 0}
          emptyMessage={hasFilters(filters) ? t('dataNeeds.inbox.emptyFiltered') : t('dataNeeds.inbox.empty')}
        >
          {(l) => (
            <ul className="data-need-list">
              {newestFirst(l).map((need) => (
                <InboxItem key={need.id} need={need} metrics={names.metrics} metricName={names.metricName} unitName={names.unitName} />
              ))}
            </ul>
          )}
        </QueryState>
      </section>
    </>
  );
}
