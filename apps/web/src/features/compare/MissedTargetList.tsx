import { formatMetricValue, type ComparisonResponse, type Metric, type Target } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n/useLanguage';
import { describeTarget } from '../metric/metric-text';
import { hrefForUnit } from '../units/unit-tree';

/**
 * "Which units miss the target this year?": every level below the chosen unit whose shown,
 * complete figure misses the year's own target, each a link to its page. Hidden figures are
 * never listed (the server leaves them out).
 */
export function MissedTargetList({ metric, data, target }: { metric: Metric; data: ComparisonResponse; target: Target | null }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const year = data.spread.year;
  const unitName = data.members.find((m) => m.isFocus)?.name ?? data.reference.name;
  const targetText = describeTarget({ ...metric, target }, language, t);
  return (
    <section className="missed-target" aria-labelledby="missed-target-heading">
      <h3 id="missed-target-heading">{t('missedTarget.heading', { year })}</h3>
      {targetText === null ? (
        <p className="muted">{t('missedTarget.noTarget', { year })}</p>
      ) : data.missedTarget.length === 0 ? (
        <p>{t('missedTarget.none', { unit: unitName, year })}</p>
      ) : (
        <>
          <p className="muted">{t('missedTarget.intro', { unit: unitName, year, target: targetText })}</p>
          <ul className="missed-target__list">
            {data.missedTarget.map((m) => (
              <li key={m.id} className={`missed-target__item missed-target__item--depth-${Math.min(m.depth, 3)}`}>
                <Link to={`${hrefForUnit(`/metrics/${metric.key}`, m.id)}&year=${year}`}>{m.name}</Link>{' '}
                <strong>{formatMetricValue(metric, m.value, language)}</strong>
                {m.parentName && m.depth > 1 && <span className="muted"> {t('missedTarget.inParent', { parent: m.parentName })}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
