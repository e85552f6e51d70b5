import { z } from 'zod/mini';
import { importErrorSchema } from '../import/api.js';
import { releaseWarningSchema } from '../release/api.js';
import { isoDateSchema, unitIdSchema, unitKindSchema } from '../schemas.js';

/** The contract of the organisation routes: units, unit files and reorganisations. */

export const reorganisationKindSchema = z.enum(['rename', 'merge', 'split', 'move']);

const lineageUnitSchema = z.object({ id: z.string(), name: z.string() });

export const lineageEventSchema = z.object({
  id: z.int(),
  year: z.int(),
  kind: reorganisationKindSchema,
  label: z.string().check(z.describe('Swedish: "3 blev 1", "1 blev 2", "Hette tidigare …", "Flyttad från … till …"')),
  note: z.nullable(z.string()),
  from: z.array(lineageUnitSchema).check(z.describe('Merge/split: the units before; rename: the old name; move: the old parent')),
  to: z.array(lineageUnitSchema).check(z.describe('Merge/split: the units after; rename: the new name; move: the new parent')),
});

export const reorganisationSchema = z.extend(lineageEventSchema, {
  createdBy: z.nullable(z.string()),
  createdAt: z.string(),
});
export type ReorganisationResponse = z.infer<typeof reorganisationSchema>;
export const reorganisationsResponseSchema = z.object({ reorganisations: z.array(reorganisationSchema) });

const year = z.int().check(z.gte(1990, 'Året ska ligga mellan 1990 och 2100'), z.lte(2100, 'Året ska ligga mellan 1990 och 2100'));
const name = z.string().check(z.trim(), z.minLength(1, 'Ange ett namn'), z.maxLength(200));
const note = z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(2000))));

/** A unit named in a reorganisation: an existing one, or a new one (with a name) to create. */
const unitTargetSchema = z.object({
  id: unitIdSchema,
  name: z.optional(name).check(z.describe('Only for a new unit')),
  parentId: z.optional(z.nullable(unitIdSchema)).check(z.describe('Only for a new unit; default: the predecessors’ parent')),
});

export const reorganisationBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename'), year, note, unitId: unitIdSchema, newName: name }),
  z.object({ kind: z.literal('move'), year, note, unitId: unitIdSchema, parentId: unitIdSchema }),
  z.object({
    kind: z.literal('merge'),
    year,
    note,
    from: z.array(unitIdSchema).check(z.minLength(2, 'En sammanslagning behöver minst två enheter'), z.maxLength(200)),
    to: unitTargetSchema,
  }),
  z.object({
    kind: z.literal('split'),
    year,
    note,
    from: unitIdSchema,
    to: z.array(unitTargetSchema).check(z.minLength(2, 'En delning ger minst två enheter'), z.maxLength(200)),
  }),
]);
export type ReorganisationBody = z.infer<typeof reorganisationBodySchema>;

/** A reorganisation tried without writing: what it would hide of what has been shown. */
export const reorganisationPreviewSchema = z.object({ warnings: z.array(releaseWarningSchema) });
export const reorganisationQuerySchema = z.object({ dryRun: z.optional(z.enum(['true', 'false', '1', '0'])) });

export const unitParamsSchema = z.object({ id: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)) });

export const unitCreateBodySchema = z.object({
  id: unitIdSchema,
  name,
  kind: unitKindSchema,
  parentId: z.nullable(unitIdSchema),
  validFrom: z._default(z.nullable(isoDateSchema), null),
  validTo: z._default(z.nullable(isoDateSchema), null),
});
export type UnitCreateBody = z.infer<typeof unitCreateBodySchema>;

export const unitUpdateBodySchema = z.partial(z.object({
    name,
    kind: unitKindSchema,
    parentId: z.nullable(unitIdSchema),
    validFrom: z.nullable(isoDateSchema),
    validTo: z.nullable(isoDateSchema),
  })).check(z.refine((b) => Object.keys(b).length > 0, { message: 'Ange minst ett fält att ändra' }));
export type UnitUpdateBody = z.infer<typeof unitUpdateBodySchema>;

export const unitCloseBodySchema = z.object({ validTo: isoDateSchema });

/** A unit as the organisation page edits it. */
export const unitAdminSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  parentId: z.nullable(z.string()),
  validFrom: z.nullable(z.string()),
  validTo: z.nullable(z.string()),
});
export type UnitAdmin = z.infer<typeof unitAdminSchema>;

export const reorganisationResultSchema = z.object({ reorganisation: reorganisationSchema });

const unitFieldsSchema = z.object({
  name: z.string(),
  parentId: z.nullable(z.string()),
  validFrom: z.nullable(z.string()),
  validTo: z.nullable(z.string()),
});

export const unitImportChangeSchema = z.object({
  row: z.int(),
  id: z.string(),
  action: z.enum(['create', 'update']),
  old: z.nullable(unitFieldsSchema),
  new: unitFieldsSchema,
});
export type UnitImportChange = z.infer<typeof unitImportChangeSchema>;

/** A preview (dry run) or a refused file (422): what would change, and every error. */
export const unitImportPreviewSchema = z.object({
  rowsRead: z.int(),
  rowsValid: z.int(),
  errors: z.array(importErrorSchema),
  changes: z.array(unitImportChangeSchema),
  fileName: z.string(),
});
export type UnitImportPreview = z.infer<typeof unitImportPreviewSchema>;

export const unitImportResultSchema = z.object({
  rowsRead: z.int(),
  created: z.int(),
  updated: z.int(),
  errors: z.array(importErrorSchema).check(z.maxLength(0)),
});
export type UnitImportResult = z.infer<typeof unitImportResultSchema>;
