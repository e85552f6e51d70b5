import type { KoladaMapping, Metric } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { catalogueQueries } from '../catalogue/queries';
import { koladaQueries, useCreateMapping, useDeleteMapping, useUpdateMapping } from './queries';

interface Draft {
  kpi: string;
  metricKey: string;
  sv: string;
  en: string;
}

function MappingFields({ draft, onChange, metrics, isNew }: { draft: Draft; onChange: (d: Draft) => void; metrics: Metric[]; isNew: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  return (
    <>
      {isNew && (
        <div className="form__field">
          <label htmlFor={`${id}-kpi`}>{t('kolada.admin.kpi')}</label>
          <input id={`${id}-kpi`} value={draft.kpi} onChange={(e) => onChange({ ...draft, kpi: e.target.value.toUpperCase() })} placeholder="N00090" />
        </div>
      )}
      <div className="form__field">
        <label htmlFor={`${id}-metric`}>{t('kolada.admin.metric')}</label>
        <select id={`${id}-metric`} value={draft.metricKey} onChange={(e) => onChange({ ...draft, metricKey: e.target.value })}>
          {metrics.map((m) => (
            <option key={m.key} value={m.key}>
              {m.name[language]}
            </option>
          ))}
        </select>
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-sv`}>{t('kolada.admin.labelSv')}</label>
        <input id={`${id}-sv`} value={draft.sv} onChange={(e) => onChange({ ...draft, sv: e.target.value })} />
      </div>
      <div className="form__field">
        <label htmlFor={`${id}-en`}>{t('kolada.admin.labelEn')}</label>
        <input id={`${id}-en`} value={draft.en} onChange={(e) => onChange({ ...draft, en: e.target.value })} />
      </div>
    </>
  );
}

/** One mapping: change its metric or labels, or remove it (confirmed inline). */
function MappingEditor({ mapping, metrics }: { mapping: KoladaMapping; metrics: Metric[] }) {
  const { t } = useTranslation();
  const update = useUpdateMapping();
  const remove = useDeleteMapping();
  const [draft, setDraft] = useState<Draft>({ kpi: mapping.kpi, metricKey: mapping.metricKey, sv: mapping.label.sv, en: mapping.label.en });
  const [confirming, setConfirming] = useState(false);

  function onSave(event: FormEvent) {
    event.preventDefault();
    update.mutate({ kpi: mapping.kpi, body: { metricKey: draft.metricKey, label: { sv: draft.sv, en: draft.en } } });
  }

  return (
    <form className="form kolada-mapping" onSubmit={onSave} aria-label={t('kolada.admin.mappingLabel', { kpi: mapping.kpi })}>
      <h4>{mapping.kpi}</h4>
      <MappingFields draft={draft} onChange={setDraft} metrics={metrics} isNew={false} />
      <div className="import-actions">
        <button type="submit" className="button button--secondary" disabled={update.isPending}>
          {t('kolada.admin.save')}
        </button>
        {confirming ? (
          <span role="group" aria-label={t('kolada.admin.confirmRemove', { kpi: mapping.kpi })}>
            {t('kolada.admin.confirmRemove', { kpi: mapping.kpi })}{' '}
            <button type="button" className="button button--danger" onClick={() => remove.mutate(mapping.kpi)}>
              {t('kolada.admin.remove')}
            </button>{' '}
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('kolada.admin.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {t('kolada.admin.remove')}
          </button>
        )}
      </div>
      <p role="status" className="import-status">
        {update.isSuccess ? t('kolada.admin.saved') : ''}
      </p>
      {update.isError && <ErrorMessage error={update.error} />}
      {remove.isError && <ErrorMessage error={remove.error} />}
    </form>
  );
}

function NewMapping({ metrics }: { metrics: Metric[] }) {
  const { t } = useTranslation();
  const create = useCreateMapping();
  const empty: Draft = { kpi: '', metricKey: metrics[0]?.key ?? '', sv: '', en: '' };
  const [draft, setDraft] = useState<Draft>(empty);

  function onAdd(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { kpi: draft.kpi.trim(), metricKey: draft.metricKey, label: { sv: draft.sv, en: draft.en } },
      { onSuccess: () => setDraft(empty) },
    );
  }

  return (
    <form className="form kolada-mapping" onSubmit={onAdd} aria-label={t('kolada.admin.addTitle')}>
      <h4>{t('kolada.admin.addTitle')}</h4>
      <MappingFields draft={draft} onChange={setDraft} metrics={metrics} isNew />
      <button type="submit" className="button button--secondary" disabled={create.isPending}>
        {t('kolada.admin.add')}
      </button>
      {create.isError && <ErrorMessage error={create.error} />}
    </form>
  );
}

/** Which Kolada KPI is shown next to which metric: data the development manager edits. */
export function KoladaMappings() {
  const { t } = useTranslation();
  const mappings = useQuery(koladaQueries.mappings());
  const metrics = useQuery(catalogueQueries.metrics());
  return (
    <>
      <h3>{t('kolada.admin.mappingsTitle')}</h3>
      <p>{t('kolada.admin.mappingsIntro')}</p>
      <QueryState query={mappings}>
        {(d) => (
          <QueryState query={metrics}>
            {(list) => (
              <>
                {d.mappings.map((m) => (
                  <MappingEditor key={m.kpi} mapping={m} metrics={list} />
                ))}
                <NewMapping metrics={list} />
              </>
            )}
          </QueryState>
        )}
      </QueryState>
    </>
  );
}
