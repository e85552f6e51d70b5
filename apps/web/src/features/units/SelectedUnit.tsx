import type { UnitTreeNode } from '@tillit/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { hrefForUnit } from './unit-tree';
import { useUnitSelection } from './useUnitSelection';

/**
 * Renders a page for the unit in `?unit=` once the tree is loaded; says so, with a way back,
 * when the unit does not exist.
 */
export function SelectedUnit({ children }: { children: (unit: UnitTreeNode, path: UnitTreeNode[]) => ReactNode }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const { query, requestedId, selected, path } = useUnitSelection();
  return (
    <QueryState query={query} loadingLabel={t('units.loading')} isEmpty={(roots) => roots.length === 0} emptyMessage={t('units.empty')}>
      {(roots) => {
        if (selected) return children(selected, path);
        const root = roots[0];
        const title = t('units.unknown', { id: requestedId ?? '' });
        return (
          <ErrorMessage title={title} headingLevel={1}>
            <PageTitle page={title} />
            {root && (
              <p>
                <Link to={hrefForUnit(pathname, root.id)}>{t('units.goTo', { name: root.name })}</Link>
              </p>
            )}
          </ErrorMessage>
        );
      }}
    </QueryState>
  );
}
