import type { Coverage } from './coverage.js';

/**
 * Whether a figure may not be read as the whole year's: fewer units have reported than are
 * expected to, and the year is not marked final. A missing coverage is not incomplete.
 */
export function isIncomplete(coverage: Coverage | null | undefined): boolean {
  return !!coverage && !coverage.isFinal && coverage.reported < coverage.expected;
}
