import type { UnitTreeNode } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hrefForUnit } from './unit-tree';

/** Where the unit sits in the organisation; each level above links to the same page for it. */
export function UnitPath({ path }: { path: readonly UnitTreeNode[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  if (path.length < 2) return null;
  return (
    <nav className="breadcrumb" aria-label={t('units.pathLabel')}>
      <ol>
        {path.map((node, i) => (
          <li key={node.id}>
            {i < path.length - 1 ? (
              <Link to={hrefForUnit(pathname, node.id)}>{node.name}</Link>
            ) : (
              <span aria-current="location">{node.name}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
