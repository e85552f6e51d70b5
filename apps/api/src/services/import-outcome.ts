/**
 * What every import answers (values, units, Kolada pages): the preview of a dry run (200), the
 * preview with the problems that stop it (422, nothing written), or what was stored (201).
 */
export type ImportOutcome<Preview, Result> =
  | { status: 200; body: Preview }
  | { status: 422; body: Preview }
  | { status: 201; body: Result };
