import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { SummaryDataNeed } from '../data-needs/SummaryDataNeed';
import { hrefForUnit } from '../units/unit-tree';
import { summaryQueries } from './queries';
import { SummaryView } from './SummaryView';

/**
 * `/summary?unit=ID`: the politicians' summary for anyone signed in. Without the router: a first
 * visit loads it as its own small entry (summary.html, src/summary-entry/), and the app shows it
 * too; choosing another part of the organisation is a link, the query string this page reads.
 */
export function SummaryPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const unitId = new URLSearchParams(window.location.search).get('unit');
  const query = useQuery(summaryQueries.summary(unitId));
  return (
    <QueryState query={query} loadingLabel={t('summary.loading')} headingLevel={1}>
      {(data) => (
        <SummaryView
          data={data}
          hrefFor={(id, isRoot) => hrefForUnit('/summary', isRoot ? null : id)}
          renderExtra={(m) => <SummaryDataNeed metricKey={m.key} metricName={m.name[language]} unitId={data.unit.id} />}
        />
      )}
    </QueryState>
  );
}
