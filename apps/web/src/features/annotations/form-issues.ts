import { ANNOTATION_YEAR_MAX, ANNOTATION_YEAR_MIN, type Language } from '@tillit/domain';
import type { TFunction } from 'i18next';
import type { z } from 'zod';

export type SchemaIssue = z.core.$ZodIssue;

/**
 * A request body checked in the browser with the domain's own schema (the one the API checks it
 * with), before anything is sent: the first issue of each form field, and the issues that belong
 * to no field of the form.
 */
export function issuesByField<F extends string>(
  result: z.ZodSafeParseResult<unknown>,
  fieldOf: Readonly<Record<string, F>>,
): { fields: Partial<Record<F, SchemaIssue>>; other: SchemaIssue[] } {
  const fields: Partial<Record<F, SchemaIssue>> = {};
  const other: SchemaIssue[] = [];
  for (const issue of result.success ? [] : result.error.issues) {
    const path = issue.path.map(String).join('.');
    const field = Object.hasOwn(fieldOf, path) ? fieldOf[path] : undefined;
    if (field === undefined) other.push(issue);
    else fields[field] ??= issue;
  }
  return { fields, other };
}

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
