import type { Metric } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { describeTarget } from '../metric/metric-text';
import { targetPeriods } from './catalogue-model';

/** The metric's targets over the years, when it has had more than one: the catalogue keeps them. */
export function TargetHistoryList({ metric }: { metric: Metric }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const periods = targetPeriods(metric);
  if (periods.length < 2) return null;
  const text = (target: Metric['target']) => describeTarget({ ...metric, target }, language, t) ?? t('targetHistory.none');
  return (
    <div className="target-history">
      <p className="field-hint">{t('targetHistory.listHeading')}</p>
      <ul>
        {periods.map((p) => (
          <li key={p.from ?? 'start'}>
            {p.from === null
              ? t('targetHistory.periodAll', { to: p.to, target: text(p.target) })
              : p.to === null
                ? t('targetHistory.periodOpen', { from: p.from, target: text(p.target) })
                : t('targetHistory.period', { from: p.from, to: p.to, target: text(p.target) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
