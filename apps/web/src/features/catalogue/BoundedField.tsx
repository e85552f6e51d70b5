import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Whether a metric's value is a share (at most 100 %) or a rate (can exceed it): the import follows this. */
export function BoundedField({ isBounded, onChange }: { isBounded: boolean; onChange: (isBounded: boolean) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="catalogue-group" aria-describedby={`${id}-hint`}>
      <legend>{t('catalogueBounded.legend')}</legend>
      <p id={`${id}-hint`} className="field-hint">
        {t('catalogueBounded.hint')}
      </p>
      {([true, false] as const).map((value) => (
        <label key={String(value)} className="catalogue-radio">
          <input type="radio" name={`${id}-bounded`} checked={isBounded === value} onChange={() => onChange(value)} />{' '}
          {t(value ? 'catalogueBounded.share' : 'catalogueBounded.rate')}
        </label>
      ))}
    </fieldset>
  );
}
