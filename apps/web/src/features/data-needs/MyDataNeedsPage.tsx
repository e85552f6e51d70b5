import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { meQueries } from '../auth/queries';
import { newestFirst } from './data-need-model';
import { AskDataNeed } from './AskDataNeed';
import { MyDataNeedItem } from './MyDataNeedItem';
import { dataNeedQueries } from './queries';
import { useNames } from '../units/useNames';

/** `/data-needs/mine`: the person's answers to "Vilka data behöver du?" and the replies. */
export function MyDataNeedsPage() {
  const { t } = useTranslation();
  const me = useQuery(meQueries.me());
  const query = useQuery(dataNeedQueries.mine());
  const names = useNames();
  const isPolitician = me.data?.role === 'politician';
  return (
    <>
      <PageTitle page={t('dataNeeds.mine.title')} />
      <div className="page-header">
        <p className="kicker">{t('dataNeeds.kicker')}</p>
        <h1>{t('dataNeeds.mine.title')}</h1>
        <p className="lead">{t('dataNeeds.mine.intro')}</p>
      </div>
      <AskDataNeed />
      <QueryState
        query={query}
        loadingLabel={t('dataNeeds.loading')}
        isEmpty={(list) => list.length === 0}
        emptyMessage={
          <>
            {t('dataNeeds.mine.empty')}{' '}
            <Link to={isPolitician ? '/summary' : '/'}>{t(isPolitician ? 'dataNeeds.mine.emptyLinkSummary' : 'dataNeeds.mine.emptyLink')}</Link>
          </>
        }
      >
        {(list) => (
          <ul className="data-need-list" aria-label={t('dataNeeds.mine.listLabel')}>
            {newestFirst(list).map((need) => (
              <MyDataNeedItem key={need.id} need={need} metricName={names.metricName} unitName={names.unitName} canOpenMetrics={!isPolitician} />
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}
