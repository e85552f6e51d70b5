import type { DataNeed } from '@tillit/domain';
import { queryOptions } from '@tanstack/react-query';
import { apiClient } from '../../api/client';
import { checked, isDataNeedStats, isUnreadFlags } from '../../api/guards';

/** How many replies the person has not read yet: the number in the menu. */
export const unreadCount = (needs: readonly Pick<DataNeed, 'isUnread'>[]): number => needs.filter((n) => n.isUnread).length;

/**
 * The numbers in the main menu. The menu is on every page, so these are checked by hand
 * (api/guards.ts) rather than with zod, and live apart from the pages' queries (queries.ts, which
 * uses them under the same keys).
 */
export const dataNeedCountQueries = {
  /**
   * The number of unread replies for the menu. Its own key, so that marking a reply read updates
   * the menu while the open page keeps showing which replies were new on this visit.
   */
  unread: () =>
    queryOptions({
      queryKey: ['data-needs', 'unread'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/data-needs', checked(isUnreadFlags, 'a list of questions'), { params: { mine: 'true' }, signal }),
      select: unreadCount,
      staleTime: 30_000,
    }),
  /** How the loop is doing (development manager): the menu's unanswered count and the inbox's figures. */
  stats: () =>
    queryOptions({
      queryKey: ['data-needs', 'stats'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/data-needs/stats', checked(isDataNeedStats, 'the questions’ figures'), { signal }),
      staleTime: 30_000,
    }),
};
