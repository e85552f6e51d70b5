import type { UnitTreeNode } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/ui/QueryState';
import { meQueries } from '../auth/queries';
import { useArrivalFocus } from '../data-needs/useArrivalFocus';
import { canAnnotate, checkNewNote, emptyDraft, toCreateBody, type AnnotationDraft } from './annotation-form';
import { visibleSpan } from './annotation-markers';
import { AnnotationForm } from './AnnotationForm';
import { AnnotationItem } from './AnnotationItem';
import { annotationQueries, useCreateAnnotation } from './queries';

interface AnnotationsSectionProps {
  metricKey: string;
  unit: UnitTreeNode;
  /** From the root down to the unit: enough of the tree to decide who may write here. */
  path: readonly UnitTreeNode[];
  /** The years on the chart: a new note starts at the latest, and a note outside them says so. */
  chartYears: readonly number[];
}

/**
 * The notes on a metric for a unit, numbered as on the chart (the list is the chart marks' text
 * alternative), each with its replies; and the form for a new note, for those who may write one.
 */
export function AnnotationsSection({ metricKey, unit, path, chartYears }: AnnotationsSectionProps) {
  const { t } = useTranslation();
  const scope = { metricKey, unitId: unit.id };
  const threads = useQuery(annotationQueries.threads(scope));
  const me = useQuery(meQueries.me());
  const create = useCreateAnnotation(scope);
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving by `#annotations` (a note's link on the yearly review) puts the notes on the screen.
  useArrivalFocus(heading, 'annotations');
  const mayWrite = canAnnotate(me.data, unit.id, path);
  const latestYear = chartYears.at(-1) ?? null;

  const add = async (draft: AnnotationDraft) => {
    try {
      await create.mutateAsync(toCreateBody(draft, unit.id, metricKey));
      setAnnouncement(t('annotations.saved'));
      return true;
    } catch {
      return false;
    }
  };

  return (
    <section className="section annotations" aria-labelledby="annotations-heading" id="annotations">
      <h2 id="annotations-heading" ref={heading} tabIndex={-1}>
        {t('annotations.heading')}
      </h2>
      <p className="annotations__intro">
        {t('annotations.intro')}
        {unit.children.length > 0 && ` ${t('annotations.scope', { unit: unit.name })}`}
      </p>
      <QueryState
        query={threads}
        loadingLabel={t('annotations.loading')}
        errorTitle={t('annotations.loadError')}
        headingLevel={3}
        isEmpty={(list) => list.length === 0}
        emptyMessage={t('annotations.empty')}
      >
        {(list) => (
          <ol className="annotation-list">
            {list.map((thread, i) => (
              <li key={thread.id}>
                <AnnotationItem
                  thread={thread}
                  number={i + 1}
                  isOutsideChart={chartYears.length > 0 && visibleSpan(thread, chartYears) === null}
                  onAnnounce={setAnnouncement}
                  onDeleted={() => heading.current?.focus()}
                />
              </li>
            ))}
          </ol>
        )}
      </QueryState>
      <p role="status" className="annotations__status">
        {announcement}
      </p>
      {mayWrite ? (
        <AnnotationForm
          // Starts again at the chart's latest year once the chart's years are known.
          key={latestYear ?? 'no-years'}
          heading={t('annotations.form.addHeading')}
          intro={t('annotations.form.addIntro')}
          initial={emptyDraft(latestYear)}
          submitLabel={t('annotations.form.submit')}
          isPending={create.isPending}
          error={create.error}
          check={(draft) => checkNewNote(draft, unit.id, metricKey)}
          onSubmit={(draft) => {
            setAnnouncement('');
            return add(draft);
          }}
        />
      ) : (
        me.data && <p className="annotations__not-allowed">{t('annotations.notAllowed')}</p>
      )}
    </section>
  );
}
