import { DATA_NEED_STATUSES, type Metric, type UnitTreeNode } from '@tillit/domain';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n/useLanguage';
import { unitOptions } from '../admin/unit-options';
import { AGE_OPTIONS, filtersFromSearch, filtersToSearch, hasFilters, statusLabelKey, type InboxFilters as Filters } from './data-need-model';

interface InboxFiltersProps {
  filters: Filters;
  metrics: readonly Metric[];
  units: readonly UnitTreeNode[];
  onChange: (search: URLSearchParams) => void;
}

/** The inbox's filters; they live in the address, so a filtered view can be shared and reloaded. */
export function InboxFilters({ filters, metrics, units, onChange }: InboxFiltersProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const search = new URLSearchParams();
    for (const [key, value] of data) if (typeof value === 'string' && value !== '') search.set(key, value);
    onChange(filtersToSearch(filtersFromSearch(search)));
  };
  return (
    <form className="inbox-filters" onSubmit={submit} aria-labelledby={`${id}-heading`} key={filtersToSearch(filters).toString()}>
      <h2 id={`${id}-heading`} className="inbox-filters__heading">
        {t('dataNeeds.inbox.filtersHeading')}
      </h2>
      <div className="inbox-filters__fields">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('dataNeeds.inbox.status')}</label>
          <select id={`${id}-status`} name="status" defaultValue={filters.status ?? ''}>
            <option value="">{t('dataNeeds.inbox.allStatuses')}</option>
            {DATA_NEED_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(statusLabelKey(s))}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-metric`}>{t('dataNeeds.inbox.metric')}</label>
          <select id={`${id}-metric`} name="metric" defaultValue={filters.metric ?? ''}>
            <option value="">{t('dataNeeds.inbox.allMetrics')}</option>
            {metrics.map((m) => (
              <option key={m.key} value={m.key}>
                {m.name[language]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>{t('dataNeeds.inbox.unit')}</label>
          <select id={`${id}-unit`} name="unit" defaultValue={filters.unit ?? ''}>
            <option value="">{t('dataNeeds.inbox.allUnits')}</option>
            {unitOptions(units).map((u) => (
              <option key={u.id} value={u.id}>
                {'\u00a0\u00a0'.repeat(u.depth)}
                {u.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-age`}>{t('dataNeeds.inbox.age')}</label>
          <select id={`${id}-age`} name="age" defaultValue={filters.age === null ? '' : String(filters.age)}>
            <option value="">{t('dataNeeds.inbox.anyAge')}</option>
            {AGE_OPTIONS.map((days) => (
              <option key={days} value={days}>
                {t('dataNeeds.inbox.olderThan', { days })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="inbox-filters__actions">
        <button type="submit" className="button">
          {t('dataNeeds.inbox.apply')}
        </button>
        {hasFilters(filters) && <Link to="/data-needs">{t('dataNeeds.inbox.clear')}</Link>}
      </div>
    </form>
  );
}
