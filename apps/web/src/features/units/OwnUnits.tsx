import type { UnitTreeNode } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { meQueries } from '../auth/queries';
import { hrefForUnit, pathTo } from './unit-tree';

/** A unit manager's own units first, one click away, before the whole organisation. */
export function OwnUnits({ roots, selectedId }: { roots: readonly UnitTreeNode[]; selectedId: string | null }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useQuery(meQueries.me());
  if (me.data?.role !== 'unit_manager') return null;
  const own = me.data.unitIds.map((id) => pathTo(roots, id).at(-1)).filter((u): u is UnitTreeNode => u !== undefined);
  if (own.length === 0) return null;
  return (
    <div className="own-units">
      <h3 className="own-units__heading">{t('units.own')}</h3>
      <ul>
        {own.map((u) => (
          <li key={u.id}>
            <Link to={hrefForUnit(pathname, u.id)} aria-current={u.id === selectedId ? 'page' : undefined}>
              {u.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
