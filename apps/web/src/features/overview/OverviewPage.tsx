import type { UnitTreeNode } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { RecentAnnotations } from '../annotations/RecentAnnotations';
import { catalogueQueries } from '../catalogue/queries';
import { SelectedUnit } from '../units/SelectedUnit';
import { UnitPath } from '../units/UnitPath';
import { isClosed } from '../units/unit-tree';
import { MetricCard } from './MetricCard';

export function OverviewPage() {
  return <SelectedUnit>{(unit, path) => <Overview unit={unit} path={path} />}</SelectedUnit>;
}

function Overview({ unit, path }: { unit: UnitTreeNode; path: UnitTreeNode[] }) {
  const { t } = useTranslation();
  const metrics = useQuery(catalogueQueries.metrics());
  return (
    <>
      <PageTitle page={`${t('overview.kicker')}: ${unit.name}`} />
      <div className="page-header">
        <UnitPath path={path} />
        <p className="kicker">
          {t('overview.kicker')} · {t(`units.kind.${unit.kind}`)}
          {isClosed(unit) && <span className="tag tag--muted">{t('units.closed')}</span>}
        </p>
        <h1>{unit.name}</h1>
        <p className="lead">{t('overview.intro')}</p>
      </div>
      <QueryState query={metrics} loadingLabel={t('overview.loading')} isEmpty={(list) => list.length === 0} emptyMessage={t('overview.empty')}>
        {(list) => (
          <>
            <ul className="card-grid">
              {list.map((metric) => (
                <li key={metric.key}>
                  <MetricCard metric={metric} unitId={unit.id} />
                </li>
              ))}
            </ul>
            <RecentAnnotations unit={unit} metrics={list} />
          </>
        )}
      </QueryState>
    </>
  );
}
