import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, CLIENT_ERROR_CODES } from '../../api/client';

type ErrorKey = 'notFound' | 'badRequest' | 'network' | 'server' | 'invalidResponse' | 'unknown';

/** Which plain-language explanation fits an error; the server's own message is shown under it. */
export function errorKind(error: unknown): ErrorKey {
  if (!(error instanceof ApiError)) return 'unknown';
  if (error.code === CLIENT_ERROR_CODES.network) return 'network';
  if (error.code === CLIENT_ERROR_CODES.invalidResponse) return 'invalidResponse';
  if (error.status === 404) return 'notFound';
  if (error.isClientError) return 'badRequest';
  return 'server';
}

interface ErrorMessageProps {
  error?: unknown;
  title?: string;
  /** Replaces the explanation derived from the error. */
  children?: ReactNode;
  onRetry?: () => void;
  headingLevel?: 1 | 2 | 3;
}

/** An error, said in plain words, with the request id for support and a way to try again. */
export function ErrorMessage({ error, title, children, onRetry, headingLevel = 2 }: ErrorMessageProps) {
  const { t } = useTranslation();
  const Heading = (['h1', 'h2', 'h3'] as const)[headingLevel - 1] ?? 'h2';
  const apiError = error instanceof ApiError ? error : null;
  const isServerMessageUseful = apiError !== null && apiError.code !== CLIENT_ERROR_CODES.network && apiError.code !== CLIENT_ERROR_CODES.http;
  return (
    <div className="notice notice--error" role="alert">
      <Heading className="notice__title">
        <svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18" className="notice__icon">
          <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M10 5.5v5.5M10 13.5v1" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        {title ?? t('errors.title')}
      </Heading>
      {children ?? <p>{t(`errors.${errorKind(error)}`)}</p>}
      {isServerMessageUseful && apiError.message && <p className="notice__detail">{apiError.message}</p>}
      {apiError?.requestId && <p className="notice__detail">{t('errors.reference', { requestId: apiError.requestId })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('errors.retry')}
        </button>
      )}
    </div>
  );
}
