import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryMetricModel } from './summary-model';

/** How many notes a metric shows before "fler"; print shows them all. */
export const NOTES_SHOWN = 3;

/**
 * The public notes on a metric, of the unit summarised and every unit below it: newest first,
 * each with its unit named (and its author, unless the reader came through a public link).
 */
export function SummaryNotes({ notes }: { notes: SummaryMetricModel['annotations'] }) {
  const { t } = useTranslation();
  const [isOpen, setOpen] = useState(false);
  const listId = useId();
  if (notes.length === 0) return null;
  const extra = notes.length - NOTES_SHOWN;
  return (
    <div className="summary-notes">
      <h3>{t('summary.annotationsHeading')}</h3>
      <ul id={listId}>
        {notes.map((a, i) => (
          // The ones past the first few stay in the page for print, hidden on screen until asked for.
          <li key={a.key} className={i >= NOTES_SHOWN && !isOpen ? 'summary-notes__more' : undefined}>
            <p className="summary-notes__meta">
              <strong>{a.unitName}</strong> · {t('summary.annotationYears', { years: a.years })} ·{' '}
              {a.author === null ? a.date : t('summary.annotationBy', { author: a.author, date: a.date })}
            </p>
            <p className="summary-notes__text">{a.text}</p>
          </li>
        ))}
      </ul>
      {extra > 0 && (
        <button type="button" className="button button--secondary button--small summary-notes__toggle" aria-expanded={isOpen} aria-controls={listId} onClick={() => setOpen(!isOpen)}>
          {isOpen ? t('summaryNotes.fewer') : t('summaryNotes.more', { count: extra })}
        </button>
      )}
    </div>
  );
}
