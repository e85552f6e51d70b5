import { describe, expect, it } from 'vitest';
import {
  filtersFromSearch,
  filtersToApiParams,
  filtersToSearch,
  hasFilters,
  NO_FILTERS,
  newestFirst,
  replyBody,
  replyDraftOf,
  statusCounts,
  statusLabelKey,
} from './data-need-model';
import { unreadCount } from './count-queries';
import { sv } from '../../i18n/sv';
import { en } from '../../i18n/en';

describe('status labels', () => {
  it('says every status in plain words in both languages', () => {
    expect(sv.dataNeeds.status).toEqual({
      received: 'Mottagen',
      considering: 'Övervägs',
      planned: 'Planerad',
      added: 'Tillagd som nyckeltal',
      declined: 'Inte möjligt',
    });
    expect(Object.keys(en.dataNeeds.status)).toEqual(Object.keys(sv.dataNeeds.status));
    expect(statusLabelKey('declined')).toBe('dataNeeds.status.declined');
  });
});

describe('inbox filters in the URL', () => {
  it('reads valid filters and ignores the rest', () => {
    expect(filtersFromSearch(new URLSearchParams('status=planned&metric=staff_turnover&unit=u1&age=30'))).toEqual({
      status: 'planned',
      metric: 'staff_turnover',
      unit: 'u1',
      age: 30,
    });
    expect(filtersFromSearch(new URLSearchParams('status=maybe&age=12&metric=%20'))).toEqual(NO_FILTERS);
  });

  it('writes only the filters that are set, and round-trips', () => {
    expect(filtersToSearch(NO_FILTERS).toString()).toBe('');
    const filters = { status: 'received', metric: null, unit: 'u2', age: 7 } as const;
    expect(filtersToSearch(filters).toString()).toBe('status=received&unit=u2&age=7');
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters(filters)).toBe(true);
  });

  it('maps the age to the API parameter olderThanDays', () => {
    expect(filtersToApiParams({ status: null, metric: 'm', unit: null, age: 90 })).toEqual({
      status: undefined,
      metric: 'm',
      unit: undefined,
      olderThanDays: 90,
    });
  });
});

describe('reply body', () => {
  it('leaves out an empty reply and sends a new metric only with "added"', () => {
    expect(replyBody({ status: 'declined', reply: '  ', addedMetricKey: '' })).toEqual({ status: 'declined' });
    expect(replyBody({ status: 'planned', reply: ' Kommer 2026 ', addedMetricKey: 'x' })).toEqual({ status: 'planned', reply: 'Kommer 2026' });
    expect(replyBody({ status: 'added', reply: '', addedMetricKey: 'staff_turnover' })).toEqual({
      status: 'added',
      addedMetricKey: 'staff_turnover',
    });
  });

  it('starts from what the question already has', () => {
    expect(replyDraftOf({ status: 'received', reply: null, addedMetricKey: null })).toEqual({ status: 'received', reply: '', addedMetricKey: '' });
  });
});

describe('counts and order', () => {
  it('counts unread replies', () => {
    expect(unreadCount([{ isUnread: true }, { isUnread: false }, { isUnread: true }])).toBe(2);
    expect(unreadCount([])).toBe(0);
  });

  it('lists every status, zero when missing', () => {
    expect(statusCounts({ received: 2, added: 1 })).toEqual([
      { status: 'received', count: 2 },
      { status: 'considering', count: 0 },
      { status: 'planned', count: 0 },
      { status: 'added', count: 1 },
      { status: 'declined', count: 0 },
    ]);
  });

  it('puts the newest first', () => {
    const needs = [
      { id: 1, createdAt: '2026-01-01T00:00:00Z' },
      { id: 3, createdAt: '2026-02-01T00:00:00Z' },
      { id: 2, createdAt: '2026-02-01T00:00:00Z' },
    ];
    expect(newestFirst(needs).map((n) => n.id)).toEqual([3, 2, 1]);
  });
});
