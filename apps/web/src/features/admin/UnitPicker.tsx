import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unitQueries } from '../units/queries';
import { unitOptions } from './unit-options';

/** A multiple choice of units, indented by depth; keyboard and screen-reader friendly as a native select. */
export function UnitPicker({ id, value, onChange }: { id: string; value: string[]; onChange: (ids: string[]) => void }) {
  const { t } = useTranslation();
  const units = useQuery(unitQueries.tree());
  const options = units.data ? unitOptions(units.data) : [];
  return (
    <>
      <select
        id={id}
        multiple
        size={8}
        value={value}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
      >
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {'\u00a0\u00a0'.repeat(o.depth)}
            {o.label}
            {o.isClosed && ` (${t('units.closed')})`}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="muted">
        {t('admin.unitsHint')}
      </span>
    </>
  );
}
