import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryState } from '../../components/ui/QueryState';
import { hrefForUnit } from '../units/unit-tree';
import { summaryQueries } from './queries';
import { SummaryView } from './SummaryView';

/** `/summary?unit=ID`: the politicians' summary for anyone signed in. */
export function SummaryPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const unitId = searchParams.get('unit');
  const query = useQuery(summaryQueries.summary(unitId));
  return (
    <QueryState query={query} loadingLabel={t('summary.loading')} headingLevel={1}>
      {(data) => <SummaryView data={data} hrefFor={(id, isRoot) => hrefForUnit('/summary', isRoot ? null : id)} />}
    </QueryState>
  );
}
