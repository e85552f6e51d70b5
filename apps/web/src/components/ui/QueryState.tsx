import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './ErrorMessage';

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  /** Data that loaded but has nothing to show. */
  isEmpty?: (data: T) => boolean;
  emptyMessage?: ReactNode;
  loadingLabel?: string;
  errorTitle?: string;
  headingLevel?: 1 | 2 | 3;
  size?: 'normal' | 'compact';
}

/**
 * The one place that renders a query's loading, error and empty states, so pages only say what
 * to show once the data is there.
 */
export function QueryState<T>({
  query,
  children,
  isEmpty,
  emptyMessage,
  loadingLabel,
  errorTitle,
  headingLevel,
  size = 'normal',
}: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.status === 'pending') {
    return (
      <div className={`query-state query-state--loading query-state--${size}`} role="status">
        <span className="spinner" aria-hidden="true" />
        <span>{loadingLabel ?? t('errors.loading')}</span>
      </div>
    );
  }
  if (query.status === 'error') {
    return (
      <ErrorMessage error={query.error} title={errorTitle} headingLevel={headingLevel} onRetry={() => void query.refetch()} />
    );
  }
  const { data } = query;
  if (isEmpty?.(data)) {
    return <p className={`query-state query-state--empty query-state--${size}`}>{emptyMessage ?? t('errors.empty')}</p>;
  }
  return <>{children(data)}</>;
}
