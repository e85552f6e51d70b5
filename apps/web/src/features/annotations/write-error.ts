import type { TFunction } from 'i18next';
import { ApiError } from '../../api/client';
import { errorKind } from '../../components/ui/ErrorMessage';

/**
 * Why a write failed, for the person who tried, in plain words: what the API said was wrong with
 * each field (without the field paths meant for developers), its own message when it refused
 * for another reason (not allowed, not found), a plain explanation when it never answered.
 */
export function writeErrorText(error: Error, t: TFunction): string {
  if (error instanceof ApiError && error.details.length > 0) {
    return [...new Set(error.details.map((d) => d.message))].join(' ');
  }
  const kind = errorKind(error);
  if (kind === 'badRequest' || kind === 'notFound') return error.message || t(`errors.${kind}`);
  return t(`errors.${kind}`);
}
