import type { Metric, TargetSpan } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { describeTarget } from './metric-text';

/** Where the target changed within the years drawn, in words beside the stepped line. */
export function TargetChanges({ metric, spans }: { metric: Metric; spans: readonly TargetSpan[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (spans.length < 2) return null;
  const text = (target: TargetSpan['target']) => describeTarget({ ...metric, target }, language, t);
  return (
    <ul className="chart-legend target-changes">
      {spans.slice(1).map((span, i) => {
        const from = text(spans[i]!.target);
        const to = text(span.target);
        const key = to === null ? 'targetHistory.removed' : from === null ? 'targetHistory.added' : 'targetHistory.changed';
        return <li key={span.from}>{t(key, { year: span.from, from, to })}</li>;
      })}
    </ul>
  );
}
