import { z } from 'zod';
import { importErrorSchema } from '../import/api.js';
import { releaseWarningSchema } from '../release/api.js';
import { isoDateSchema, unitIdSchema, unitKindSchema } from '../schemas.js';

/** The contract of the organisation routes: units, unit files and reorganisations. */

export const reorganisationKindSchema = z.enum(['rename', 'merge', 'split', 'move']);

const lineageUnitSchema = z.object({ id: z.string(), name: z.string() });

export const lineageEventSchema = z.object({
  id: z.number().int(),
  year: z.number().int(),
  kind: reorganisationKindSchema,
  label: z.string().describe('Swedish: "3 blev 1", "1 blev 2", "Hette tidigare …", "Flyttad från … till …"'),
  note: z.string().nullable(),
  from: z.array(lineageUnitSchema).describe('Merge/split: the units before; rename: the old name; move: the old parent'),
  to: z.array(lineageUnitSchema).describe('Merge/split: the units after; rename: the new name; move: the new parent'),
});

export const reorganisationSchema = lineageEventSchema.extend({
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ReorganisationResponse = z.infer<typeof reorganisationSchema>;
export const reorganisationsResponseSchema = z.object({ reorganisations: z.array(reorganisationSchema) });

const year = z.number().int().min(1990, 'Året ska ligga mellan 1990 och 2100').max(2100, 'Året ska ligga mellan 1990 och 2100');
const name = z.string().trim().min(1, 'Ange ett namn').max(200);
const note = z.string().trim().max(2000).nullable().optional();

/** A unit named in a reorganisation: an existing one, or a new one (with a name) to create. */
const unitTargetSchema = z.object({
  id: unitIdSchema,
  name: name.optional().describe('Only for a new unit'),
  parentId: unitIdSchema.nullable().optional().describe('Only for a new unit; default: the predecessors’ parent'),
});

export const reorganisationBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('rename'), year, note, unitId: unitIdSchema, newName: name }),
  z.object({ kind: z.literal('move'), year, note, unitId: unitIdSchema, parentId: unitIdSchema }),
  z.object({
    kind: z.literal('merge'),
    year,
    note,
    from: z.array(unitIdSchema).min(2, 'En sammanslagning behöver minst två enheter').max(200),
    to: unitTargetSchema,
  }),
  z.object({
    kind: z.literal('split'),
    year,
    note,
    from: unitIdSchema,
    to: z.array(unitTargetSchema).min(2, 'En delning ger minst två enheter').max(200),
  }),
]);
export type ReorganisationBody = z.infer<typeof reorganisationBodySchema>;

/** A reorganisation tried without writing: what it would hide of what has been shown. */
export const reorganisationPreviewSchema = z.object({ warnings: z.array(releaseWarningSchema) });
export const reorganisationQuerySchema = z.object({ dryRun: z.enum(['true', 'false', '1', '0']).optional() });

export const unitParamsSchema = z.object({ id: z.string().trim().min(1).max(64) });

export const unitCreateBodySchema = z.object({
  id: unitIdSchema,
  name,
  kind: unitKindSchema,
  parentId: unitIdSchema.nullable(),
  validFrom: isoDateSchema.nullable().default(null),
  validTo: isoDateSchema.nullable().default(null),
});
export type UnitCreateBody = z.infer<typeof unitCreateBodySchema>;

export const unitUpdateBodySchema = z
  .object({
    name,
    kind: unitKindSchema,
    parentId: unitIdSchema.nullable(),
    validFrom: isoDateSchema.nullable(),
    validTo: isoDateSchema.nullable(),
  })
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'Ange minst ett fält att ändra' });
export type UnitUpdateBody = z.infer<typeof unitUpdateBodySchema>;

export const unitCloseBodySchema = z.object({ validTo: isoDateSchema });

/** A unit as the organisation page edits it. */
export const unitAdminSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  parentId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type UnitAdmin = z.infer<typeof unitAdminSchema>;

export const reorganisationResultSchema = z.object({ reorganisation: reorganisationSchema });

const unitFieldsSchema = z.object({
  name: z.string(),
  parentId: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

export const unitImportChangeSchema = z.object({
  row: z.number().int(),
  id: z.string(),
  action: z.enum(['create', 'update']),
  old: unitFieldsSchema.nullable(),
  new: unitFieldsSchema,
});
export type UnitImportChange = z.infer<typeof unitImportChangeSchema>;

/** A preview (dry run) or a refused file (422): what would change, and every error. */
export const unitImportPreviewSchema = z.object({
  rowsRead: z.number().int(),
  rowsValid: z.number().int(),
  errors: z.array(importErrorSchema),
  changes: z.array(unitImportChangeSchema),
  fileName: z.string(),
});
export type UnitImportPreview = z.infer<typeof unitImportPreviewSchema>;

export const unitImportResultSchema = z.object({
  rowsRead: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(importErrorSchema).max(0),
});
export type UnitImportResult = z.infer<typeof unitImportResultSchema>;
