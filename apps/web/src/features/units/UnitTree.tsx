import { formatDate, type UnitTreeNode } from '@tillit/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { OwnUnits } from './OwnUnits';
import { hrefForUnit, isClosed, isExpanded } from './unit-tree';
import { useUnitSelection } from './useUnitSelection';

interface BranchProps {
  nodes: readonly UnitTreeNode[];
  level: number;
  selectedPath: readonly UnitTreeNode[];
  toggled: ReadonlyMap<string, boolean>;
  onToggle: (id: string, isOpen: boolean) => void;
}

/**
 * The organisation as nested lists of links (a disclosure navigation): each unit is a real link
 * to the current page for that unit, and a node with units below it has a button that shows or
 * hides them. Roots stay open.
 */
export function UnitTree() {
  const { t } = useTranslation();
  const { query, path, selected } = useUnitSelection();
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const onToggle = (id: string, isOpen: boolean) => setToggled((prev) => new Map(prev).set(id, isOpen));
  // On small screens the tree folds away behind a button. It was opened for one selected unit
  // and closes by itself once another is chosen.
  const [openedFor, setOpenedFor] = useState<string | null | undefined>(undefined);
  const selectedId = selected?.id ?? null;
  const isOpenOnSmall = openedFor === selectedId;

  return (
    <nav className="unit-nav" aria-labelledby="unit-nav-heading">
      <h2 id="unit-nav-heading" className="unit-nav__heading">
        {t('units.heading')}
      </h2>
      <button
        type="button"
        className="unit-nav__toggle"
        aria-expanded={isOpenOnSmall}
        aria-controls="unit-nav-body"
        onClick={() => setOpenedFor(isOpenOnSmall ? undefined : selectedId)}
      >
        <span>{selected?.name ?? t('units.heading')}</span>
        <span className="visually-hidden"> – {t(isOpenOnSmall ? 'units.hideTree' : 'units.showTree')}</span>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" className="unit-nav__toggle-icon">
          <path d="M3 6l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <div id="unit-nav-body" className={isOpenOnSmall ? 'unit-nav__body unit-nav__body--open' : 'unit-nav__body'}>
        <QueryState query={query} loadingLabel={t('units.loading')} isEmpty={(roots) => roots.length === 0} emptyMessage={t('units.empty')} size="compact">
          {(roots) => (
            <>
              <OwnUnits roots={roots} selectedId={selectedId} />
              <Branch nodes={roots} level={0} selectedPath={path} toggled={toggled} onToggle={onToggle} />
            </>
          )}
        </QueryState>
      </div>
    </nav>
  );
}

function Branch({ nodes, level, selectedPath, toggled, onToggle }: BranchProps) {
  return (
    <ul className={level === 0 ? 'unit-tree' : 'unit-tree__children'}>
      {nodes.map((node) => (
        <UnitItem key={node.id} node={node} level={level} selectedPath={selectedPath} toggled={toggled} onToggle={onToggle} />
      ))}
    </ul>
  );
}

function UnitItem({ node, level, selectedPath, toggled, onToggle }: Omit<BranchProps, 'nodes'> & { node: UnitTreeNode }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { pathname } = useLocation();
  const isSelected = selectedPath.at(-1)?.id === node.id;
  const hasChildren = node.children.length > 0;
  const isRoot = level === 0;
  const isOpen = isRoot || isExpanded(node, selectedPath, toggled);
  const childrenId = `unit-children-${node.id}`;
  const closedDate = node.validTo ? formatDate(node.validTo, language, 'numeric') : null;

  return (
    <li className={`unit-tree__item unit-tree__item--${node.kind}`}>
      <div className="unit-tree__row">
        {hasChildren && !isRoot ? (
          <button
            type="button"
            className="unit-tree__toggle"
            aria-expanded={isOpen}
            aria-controls={childrenId}
            onClick={() => onToggle(node.id, !isOpen)}
          >
            <span className="visually-hidden">{t(isOpen ? 'units.collapse' : 'units.expand', { name: node.name })}</span>
            <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="unit-tree__chevron">
              <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        ) : (
          <span className="unit-tree__spacer" aria-hidden="true" />
        )}
        <Link
          to={hrefForUnit(pathname, node.id)}
          className="unit-tree__link"
          aria-current={isSelected ? 'page' : undefined}
        >
          <span className="unit-tree__name">{node.name}</span>
          {isClosed(node) && (
            <span className="tag tag--muted unit-tree__closed" title={closedDate ? t('units.closedOn', { date: closedDate }) : undefined}>
              {t('units.closed')}
            </span>
          )}
        </Link>
      </div>
      {hasChildren && (
        <div id={childrenId} hidden={!isOpen}>
          <Branch nodes={node.children} level={level + 1} selectedPath={selectedPath} toggled={toggled} onToggle={onToggle} />
        </div>
      )}
    </li>
  );
}
