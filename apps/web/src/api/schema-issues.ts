import type { z } from 'zod/mini';

export type SchemaIssue = z.core.$ZodIssue;

/** What checking a value with one of the domain's schemas (`safeParse`) gives back. */
export type SchemaResult = { success: true } | { success: false; error: { issues: readonly SchemaIssue[] } };

/**
 * A request body checked in the browser with the domain's own schema (the one the API checks it
 * with), before anything is sent: the first issue of each form field (`fieldOf` names the field
 * of an issue's path, e.g. `definitionChange.note` → `note`), and the issues of no field of the form.
 */
export function issuesByField<F extends string>(
  result: SchemaResult,
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
