import { formatDate, type DataNeed } from '@tillit/domain';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../i18n/useLanguage';
import { DataNeedStatusTag } from './DataNeedStatus';
import { useMarkDataNeedRead } from './queries';

interface MyDataNeedItemProps {
  need: DataNeed;
  metricName: (key: string) => string;
  unitName: (id: string | null) => string | null;
  /** Politicians have no metric pages; the new metric is then named, not linked. */
  canOpenMetrics: boolean;
}

/**
 * One of the person's questions with what became of it. A reply not seen before is marked
 * "Nytt svar" and marked read as soon as it is shown; the mark stays for this visit.
 */
export function MyDataNeedItem({ need, metricName, unitName, canOpenMetrics }: MyDataNeedItemProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const markRead = useMarkDataNeedRead();
  const { mutate } = markRead;
  useEffect(() => {
    if (need.isUnread) mutate(need.id);
  }, [need.id, need.isUnread, mutate]);

  const headingId = `data-need-${need.id}`;
  const unit = unitName(need.unitId);
  const added = need.status === 'added' && need.addedMetricKey ? need.addedMetricKey : null;
  return (
    <li>
      <article className="data-need" aria-labelledby={headingId}>
        <header className="data-need__head">
          <h2 id={headingId} className="data-need__title">
            {metricName(need.metricKey)}
          </h2>
          {need.isUnread && <span className="tag data-need__new">{t('dataNeeds.newReply')}</span>}
        </header>
        <p className="data-need__meta">
          {unit ? t('dataNeeds.askedAbout', { unit, date: formatDate(need.createdAt, language) }) : t('dataNeeds.askedOn', { date: formatDate(need.createdAt, language) })}
        </p>
        <p className="data-need__label">{t('dataNeeds.yourQuestion')}</p>
        <p className="data-need__text">{need.text}</p>
        <p className="data-need__status-line">
          {t('dataNeeds.statusLabel')} <DataNeedStatusTag status={need.status} />
          {added && (
            <>
              {' '}
              {canOpenMetrics ? (
                <Link to={`/metrics/${added}`}>{t('dataNeeds.openAdded', { name: metricName(added) })}</Link>
              ) : (
                <span>{metricName(added)}</span>
              )}
            </>
          )}
        </p>
        {need.reply ? (
          <div className="data-need__reply">
            <p className="data-need__label">
              {t('dataNeeds.replyBy', {
                who: need.repliedBy ?? t('dataNeeds.developmentManager'),
                date: need.repliedAt ? formatDate(need.repliedAt, language) : '',
              })}
            </p>
            <p className="data-need__text">{need.reply}</p>
          </div>
        ) : (
          <p className="data-need__waiting">{t('dataNeeds.noReplyYet')}</p>
        )}
      </article>
    </li>
  );
}
