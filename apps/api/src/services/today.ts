import { formatDate } from '@tillit/domain';

/**
 * Today's date in Swedish time (`2026-12-04`), where the organisation is: read at most once a
 * minute, so that a hot route can key on it without formatting a date per request.
 */
export function swedishToday(clock: () => number = Date.now): () => string {
  let day = '';
  let checkedAt = -Infinity;
  return () => {
    const now = clock();
    if (now - checkedAt >= 60_000 || now < checkedAt) {
      day = formatDate(new Date(now), 'sv', 'numeric');
      checkedAt = now;
    }
    return day;
  };
}
