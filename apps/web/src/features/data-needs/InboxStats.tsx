import { type DataNeedStats, intlLocale } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { statusCounts, statusLabelKey } from './data-need-model';

/** The loop's own health, at the top of the inbox: is anyone left waiting? */
export function InboxStats({ stats }: { stats: DataNeedStats }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const median =
    stats.medianDaysToReply === null
      ? t('dataNeeds.stats.noMedian')
      : t('dataNeeds.stats.days', {
          count: stats.medianDaysToReply,
          days: new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(stats.medianDaysToReply),
        });
  return (
    <div className="inbox-stats">
      <dl className="inbox-stats__figures">
        <div>
          <dt>{t('dataNeeds.stats.open')}</dt>
          <dd>{stats.open}</dd>
        </div>
        <div>
          <dt>{t('dataNeeds.stats.unanswered')}</dt>
          <dd>{stats.unanswered}</dd>
        </div>
        <div>
          <dt>{t('dataNeeds.stats.median')}</dt>
          <dd>{median}</dd>
        </div>
        <div>
          <dt>{t('dataNeeds.stats.total')}</dt>
          <dd>{stats.total}</dd>
        </div>
      </dl>
      <table className="data-table inbox-stats__table">
        <caption>{t('dataNeeds.stats.byStatus')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dataNeeds.inbox.status')}</th>
            <th scope="col">{t('dataNeeds.stats.count')}</th>
          </tr>
        </thead>
        <tbody>
          {statusCounts(stats.byStatus).map(({ status, count }) => (
            <tr key={status}>
              <th scope="row">{t(statusLabelKey(status))}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
