import { dataNeedSchema, dataNeedStatsSchema, type DataNeed } from '@tillit/domain';
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod/mini';
import { apiClient } from '../../api/client';

/** Only what the menu's count reads of each question. */
const unreadFlagsSchema = z.array(z.pick(dataNeedSchema, { isUnread: true }));

/** How many replies the person has not read yet: the number in the menu. */
export const unreadCount = (needs: readonly Pick<DataNeed, 'isUnread'>[]): number => needs.filter((n) => n.isUnread).length;

/**
 * The numbers in the main menu. The menu is on every page, so these live apart from the pages'
 * queries (queries.ts, which uses them under the same keys).
 */
export const dataNeedCountQueries = {
  /**
   * The number of unread replies for the menu. Its own key, so that marking a reply read updates
   * the menu while the open page keeps showing which replies were new on this visit.
   */
  unread: () =>
    queryOptions({
      queryKey: ['data-needs', 'unread'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/data-needs', unreadFlagsSchema, { params: { mine: 'true' }, signal }),
      select: unreadCount,
      staleTime: 30_000,
    }),
  /** How the loop is doing (development manager): the menu's unanswered count and the inbox's figures. */
  stats: () =>
    queryOptions({
      queryKey: ['data-needs', 'stats'] as const,
      queryFn: ({ signal }) => apiClient.get('/api/data-needs/stats', dataNeedStatsSchema, { signal }),
      staleTime: 30_000,
    }),
};
