import { can, type UnitTreeNode } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { meQueries } from '../auth/queries';
import { catalogueQueries } from '../catalogue/queries';
import { SelectedUnit } from '../units/SelectedUnit';
import { UnitPath } from '../units/UnitPath';
import { NewPrincipleForm } from './NewPrincipleForm';
import { PrincipleCard } from './PrincipleCard';

/** The guiding principles side by side, each with the metrics that inform it, for `?unit=`. */
export function PrinciplesPage() {
  return <SelectedUnit>{(unit, path) => <PrinciplesForUnit unit={unit} path={path} />}</SelectedUnit>;
}

function PrinciplesForUnit({ unit, path }: { unit: UnitTreeNode; path: UnitTreeNode[] }) {
  const { t } = useTranslation();
  const me = useQuery(meQueries.me());
  const overview = useQuery(catalogueQueries.overview(unit.id));
  const role = me.data?.role;
  const isDevelopmentManager = can(role, 'administer');
  const metrics = useQuery({ ...catalogueQueries.metrics(), enabled: isDevelopmentManager });
  return (
    <>
      <PageTitle page={`${t('principles.title')} – ${unit.name}`} />
      <div className="page-header">
        <UnitPath path={path} />
        <h1>{t('principles.title')}</h1>
        <p className="lead">{t('principles.intro', { unit: unit.name })}</p>
      </div>
      <QueryState query={overview} loadingLabel={t('principles.loading')}>
        {(data) => (
          <div className="principle-grid">
            {data.principles.map((p) => (
              <PrincipleCard
                key={p.key}
                principle={p}
                unitId={unit.id}
                canOpenMetrics={can(role, 'readFigures')}
                canEdit={isDevelopmentManager}
                allMetrics={metrics.data ?? []}
              />
            ))}
          </div>
        )}
      </QueryState>
      {isDevelopmentManager && (
        <section className="section catalogue-add">
          <NewPrincipleForm />
        </section>
      )}
    </>
  );
}
