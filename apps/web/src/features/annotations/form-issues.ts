import { ANNOTATION_YEAR_MAX, ANNOTATION_YEAR_MIN, type Language } from '@tillit/domain';
import type { TFunction } from 'i18next';
import type { SchemaIssue } from '../../api/schema-issues';

/**
 * An issue in the reader's words: the domain's message in Swedish (the API's words for the same
 * rule), and in English the same rule by its kind. Notes and questions hold texts and years only.
 */
export function issueText(issue: SchemaIssue, language: Language, t: TFunction): string {
  if (language === 'sv') return issue.message;
  const field = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return t('validation.empty');
      break;
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      break;
    case 'custom':
      if (field === 'yearTo') return t('validation.span');
      if (field === 'text') return t('validation.controlCharacters');
      return issue.message;
  }
  if (field === 'year' || field === 'yearTo') return t('validation.year', { min: ANNOTATION_YEAR_MIN, max: ANNOTATION_YEAR_MAX });
  return issue.message;
}
