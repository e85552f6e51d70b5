import type { Metric, UnitTreeNode } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { unitQueries } from '../units/queries';
import { hrefForUnit } from '../units/unit-tree';
import { formatNoteDate, formatYears } from './annotation-text';
import { annotationQueries } from './queries';
import { unitNamesById } from './recent-notes';

/**
 * The latest notes about the unit and the units below it, across metrics, each linking to the
 * metric page where it is on the chart: notes are seen from the whole dashboard, not one chart.
 */
export function RecentAnnotations({ unit, metrics }: { unit: UnitTreeNode; metrics: readonly Metric[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const recent = useQuery(annotationQueries.recent(unit.id));
  const tree = useQuery(unitQueries.tree());
  const unitNames = unitNamesById(tree.data ?? []);
  const metricName = (key: string) => metrics.find((m) => m.key === key)?.name[language] ?? key;

  return (
    <section className="section recent-notes" aria-labelledby="recent-notes-heading">
      <h2 id="recent-notes-heading">{t('annotations.recent.heading')}</h2>
      <p className="recent-notes__intro">{t('annotations.recent.intro', { unit: unit.name })}</p>
      <QueryState
        query={recent}
        loadingLabel={t('annotations.recent.loading')}
        errorTitle={t('annotations.loadError')}
        headingLevel={3}
        size="compact"
        isEmpty={(list) => list.length === 0}
        emptyMessage={t('annotations.recent.empty')}
      >
        {(list) => (
          <ul className="recent-notes__list">
            {list.map((note) => (
              <li key={note.id} className="recent-note">
                <Link to={hrefForUnit(`/metrics/${note.metricKey}`, note.unitId)} className="recent-note__link">
                  {t('annotations.recent.about', {
                    metric: metricName(note.metricKey),
                    unit: unitNames.get(note.unitId) ?? note.unitId,
                    years: formatYears(note.yearFrom, note.yearTo),
                  })}
                </Link>
                <p className="recent-note__text">{note.text}</p>
                <p className="recent-note__meta">
                  {note.author.displayName}, <time dateTime={note.createdAt}>{formatNoteDate(note.createdAt, language)}</time>
                  {' · '}
                  <span className={`tag tag--${note.visibility === 'public' ? 'public' : 'muted'}`}>{t(`annotations.visibility.${note.visibility}`)}</span>
                  {note.replyCount > 0 && <> · {t('annotations.replyCount', { count: note.replyCount })}</>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </section>
  );
}
