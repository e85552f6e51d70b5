import { can, finalYearsResponseSchema, type Metric } from '@tillit/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiClient } from '../../api/client';
import { Icon } from '../../components/ui/Icon';
import { meQueries } from '../auth/queries';
import type { TrendRow } from './chart-data';

/**
 * The years of the trend that not every expected unit has reported, and why the line stops
 * before them. The development manager can mark such a year final (audited on the server):
 * from then on it counts as a whole year everywhere.
 */
export function YearCompleteness({ metric, rows }: { metric: Metric; rows: readonly TrendRow[] }) {
  const { t } = useTranslation();
  const me = useQuery(meQueries.me());
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const write = useMutation({
    mutationFn: ({ year, isFinal }: { year: number; isFinal: boolean }) =>
      apiClient.send(isFinal ? 'PUT' : 'DELETE', `/api/metrics/${encodeURIComponent(metric.key)}/final-years/${year}`, finalYearsResponseSchema),
    // A year's completeness changes every figure, card, comparison and summary of the metric.
    onSuccess: (_data, { year, isFinal }) => {
      setMessage(t(isFinal ? 'coverage.marked' : 'coverage.unmarked', { year }));
      return queryClient.invalidateQueries();
    },
  });
  const canMark = can(me.data?.role, 'administer');
  const partial = rows.filter((r) => r.status === 'shown' && r.coverage.reported < r.coverage.expected);
  if (partial.length === 0) return message ? <p role="status">{message}</p> : null;
  return (
    <div className="chart-notes year-completeness">
      <h3>{t('coverage.heading')}</h3>
      <p>{t('coverage.intro')}</p>
      <ul>
        {partial.map((r) => (
          <li key={r.year}>
            <Icon name="info" size={16} />{' '}
            {t(r.coverage.isFinal ? 'coverage.finalItem' : 'coverage.item', { year: r.year, ...r.coverage })}
            {canMark && (
              <>
                {' '}
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={write.isPending}
                  onClick={() => write.mutate({ year: r.year, isFinal: !r.coverage.isFinal })}
                >
                  {t(r.coverage.isFinal ? 'coverage.unmarkFinal' : 'coverage.markFinal', { year: r.year })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {canMark && <p className="muted">{t('coverage.markHint')}</p>}
      <p role="status">{write.isError ? write.error.message : message}</p>
    </div>
  );
}
