import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/charts/DataTable';
import { PageTitle } from '../../components/ui/PageTitle';
import { QueryState } from '../../components/ui/QueryState';
import { unitRows, type UnitRow } from './org-model';
import { organisationQueries } from './queries';
import { ReorganisationForm } from './ReorganisationForm';
import { ReorganisationList } from './ReorganisationList';
import { UnitForm } from './UnitForm';
import { UnitImportSection } from './UnitImportSection';

/** The development manager keeps the organisation: units, a units file, reorganisations. */
export function OrganisationPage() {
  const { t } = useTranslation();
  const units = useQuery(organisationQueries.units());
  const [editing, setEditing] = useState<UnitRow | null>(null);
  return (
    <>
      <PageTitle page={t('organisation.title')} />
      <div className="page-header">
        <h1>{t('organisation.title')}</h1>
        <p className="lead">{t('organisation.intro')}</p>
      </div>
      <QueryState query={units} loadingLabel={t('units.loading')}>
        {(roots) => {
          const rows = unitRows(roots);
          const nameOf = new Map(rows.map((r) => [r.id, r.name]));
          return (
            <>
              <section className="section" aria-labelledby="organisation-tree-heading">
                <h2 id="organisation-tree-heading">{t('organisation.treeHeading')}</h2>
                <DataTable
                  caption={t('organisation.treeCaption')}
                  rows={rows}
                  rowKey={(r) => r.id}
                  columns={[
                    {
                      key: 'name',
                      header: t('organisation.name'),
                      isRowHeader: true,
                      render: (r) => <span style={{ paddingInlineStart: `${r.depth * 1.25}rem` }}>{r.name}</span>,
                    },
                    { key: 'code', header: t('organisation.code'), className: 'org-table__code', render: (r) => <code>{r.id}</code> },
                    { key: 'kind', header: t('organisation.kind'), render: (r) => t(`units.kind.${r.kind}`) },
                    { key: 'parent', header: t('organisation.parent'), render: (r) => (r.parentId ? (nameOf.get(r.parentId) ?? r.parentId) : '–') },
                    { key: 'from', header: t('organisation.validFrom'), className: 'org-table__nowrap', render: (r) => r.validFrom ?? '–' },
                    { key: 'to', header: t('organisation.validTo'), className: 'org-table__nowrap', render: (r) => r.validTo ?? t('organisation.open') },
                    {
                      key: 'edit',
                      header: t('organisation.actions'),
                      className: 'org-table__nowrap',
                      render: (r) => (
                        <button type="button" className="button button--secondary" aria-label={t('organisation.editLabel', { name: r.name })} onClick={() => setEditing(r)}>
                          {t('organisation.edit')}
                        </button>
                      ),
                    },
                  ]}
                />
              </section>
              <UnitForm key={editing?.id ?? 'new'} rows={rows} editing={editing} onDone={() => setEditing(null)} />
              <ReorganisationForm rows={rows} />
            </>
          );
        }}
      </QueryState>
      <ReorganisationList />
      <UnitImportSection />
    </>
  );
}
