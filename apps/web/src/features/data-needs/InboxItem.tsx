import { z } from 'zod/mini';
import { DATA_NEED_STATUSES, dataNeedStatusSchema, formatDate, type DataNeed, type Metric } from '@tillit/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { writeErrorText } from '../annotations/write-error';
import { replyBody, replyDraftOf, statusLabelKey, type ReplyDraft } from './data-need-model';
import { DataNeedStatusTag } from './DataNeedStatus';
import { useReplyToDataNeed } from './queries';

interface InboxItemProps {
  need: DataNeed;
  metrics: readonly Metric[];
  metricName: (key: string) => string;
  unitName: (id: string | null) => string | null;
}

/** One question in the development manager's inbox, and the form that says what becomes of it. */
export function InboxItem({ need, metrics, metricName, unitName }: InboxItemProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const [draft, setDraft] = useState<ReplyDraft>(() => replyDraftOf(need));
  const reply = useReplyToDataNeed();
  const set = <K extends keyof ReplyDraft>(field: K, value: ReplyDraft[K]) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate({ id: need.id, body: replyBody(draft) });
  };
  const headingId = `${id}-heading`;
  const unit = unitName(need.unitId);
  const errorId = reply.error ? `${id}-error` : undefined;

  return (
    <li>
      <article className="data-need" aria-labelledby={headingId}>
        <header className="data-need__head">
          <h3 id={headingId} className="data-need__title">
            {metricName(need.metricKey)}
            {unit && <span className="data-need__unit"> · {unit}</span>}
          </h3>
          <DataNeedStatusTag status={need.status} />
        </header>
        <p className="data-need__meta">
          {t('dataNeeds.inbox.askedBy', { who: need.author.displayName, date: formatDate(need.createdAt, language) })}
        </p>
        <p className="data-need__text">{need.text}</p>
        {need.reply && (
          <div className="data-need__reply">
            <p className="data-need__label">
              {t('dataNeeds.replyBy', { who: need.repliedBy ?? '', date: need.repliedAt ? formatDate(need.repliedAt, language) : '' })}
            </p>
            <p className="data-need__text">{need.reply}</p>
          </div>
        )}
        <form className="data-need-reply" onSubmit={submit} noValidate aria-label={t('dataNeeds.inbox.replyFormLabel', { who: need.author.displayName })}>
          <div className="data-need-reply__fields">
            <div className="field">
              <label htmlFor={`${id}-status`}>{t('dataNeeds.inbox.newStatus')}</label>
              <select
                id={`${id}-status`}
                value={draft.status}
                onChange={(e) => set('status', z.catch(dataNeedStatusSchema, draft.status).parse(e.target.value))}
              >
                {DATA_NEED_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(statusLabelKey(s))}
                  </option>
                ))}
              </select>
            </div>
            {draft.status === 'added' && (
              <div className="field">
                <label htmlFor={`${id}-added`}>{t('dataNeeds.inbox.addedMetric')}</label>
                <select id={`${id}-added`} value={draft.addedMetricKey} onChange={(e) => set('addedMetricKey', e.target.value)}>
                  <option value="">{t('dataNeeds.inbox.chooseMetric')}</option>
                  {metrics.map((m) => (
                    <option key={m.key} value={m.key}>
                      {m.name[language]}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-reply`}>{t('dataNeeds.inbox.reply')}</label>
            <span id={`${id}-reply-hint`} className="field-hint">
              {t('dataNeeds.inbox.replyHint')}
            </span>
            <textarea
              id={`${id}-reply`}
              rows={3}
              maxLength={4000}
              value={draft.reply}
              onChange={(e) => set('reply', e.target.value)}
              aria-invalid={reply.error ? true : undefined}
              aria-describedby={[`${id}-reply-hint`, errorId].filter(Boolean).join(' ')}
            />
          </div>
          {reply.error && (
            <div className="form-alert" role="alert" id={errorId}>
              <p className="form-alert__title">{t('dataNeeds.inbox.replyError')}</p>
              <p>{writeErrorText(reply.error, t)}</p>
            </div>
          )}
          <div className="data-need-reply__actions">
            <button type="submit" className="button" disabled={reply.isPending}>
              {reply.isPending ? t('dataNeeds.form.sending') : t('dataNeeds.inbox.send')}
            </button>
            <span role="status" className="data-need-reply__status">
              {reply.isSuccess && !reply.isPending ? t('dataNeeds.inbox.sent', { status: t(statusLabelKey(need.status)) }) : ''}
            </span>
          </div>
        </form>
      </article>
    </li>
  );
}
