import { formatDateTime, type OutboxStatus } from '@tillit/domain';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/ui/QueryState';
import { useLanguage } from '../../i18n/useLanguage';
import { settingsQueries, useResendMessage } from '../settings/queries';

/**
 * The outbox's health beside the loop's, for the development manager: is mail reaching people?
 * Waiting and failed messages, the last delivery, why the mail server does not take them, and a
 * way to send a failed one again.
 */
export function OutboxHealth() {
  const { t } = useTranslation();
  const status = useQuery(settingsQueries.outbox());
  return (
    <section className="section" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">{t('outbox.heading')}</h2>
      <QueryState query={status} headingLevel={3} size="compact">
        {(s) => (s.isMailOn ? <OutboxDetails status={s} /> : <p>{t('outbox.off')}</p>)}
      </QueryState>
    </section>
  );
}

function OutboxDetails({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const resend = useResendMessage();
  const [resent, setResent] = useState<string | null>(null);
  const when = (iso: string) => formatDateTime(iso, language);
  return (
    <>
      <p className="muted">{t('outbox.intro')}</p>
      <dl className="inbox-stats__figures">
        <div>
          <dt>{t('outbox.waiting')}</dt>
          <dd>{status.waiting}</dd>
        </div>
        <div>
          <dt>{t('outbox.failed')}</dt>
          <dd>{status.failed}</dd>
        </div>
        <div>
          <dt>{t('outbox.lastDelivery')}</dt>
          <dd>{status.lastDeliveryAt ? when(status.lastDeliveryAt) : t('outbox.never')}</dd>
        </div>
      </dl>
      {status.waiting > 0 && status.lastError && (
        <p className="notice mail-notice">{t('outbox.lastError', { error: status.lastError, when: status.nextAttemptAt ? when(status.nextAttemptAt) : '–' })}</p>
      )}
      <p role="status">{resent ?? ''}</p>
      {resend.isError && (
        <p className="form__error" role="alert">
          {resend.error.message}
        </p>
      )}
      {status.failedMessages.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="outbox-failed-caption" tabIndex={0}>
          <table className="data-table">
            <caption id="outbox-failed-caption">{t('outbox.failedCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.reason')}</th>
                <th scope="col">{t('outbox.failedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('outbox.resend')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {status.failedMessages.map((m) => (
                <tr key={m.id}>
                  <th scope="row">{m.subject}</th>
                  <td>
                    {m.recipient ? `${m.recipient} ` : ''}
                    <code>{m.to}</code>
                  </td>
                  <td>{m.reason}</td>
                  <td>{when(m.failedAt)}</td>
                  <td>
                    <button
                      type="button"
                      className="button"
                      disabled={resend.isPending}
                      aria-label={t('outbox.resendLabel', { subject: m.subject, to: m.recipient ?? m.to })}
                      aria-describedby="outbox-resend-hint"
                      onClick={() => resend.mutate(m.id, { onSuccess: () => setResent(t('outbox.resent')) })}
                    >
                      {t('outbox.resend')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p id="outbox-resend-hint" className="field-hint">
            {t('outbox.resendHint')}
          </p>
        </div>
      )}
    </>
  );
}
