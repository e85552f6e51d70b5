import { AUDIT_FIGURE_FIELDS, type AuditEntry, formatDateTime, intlLocale, type Language } from '@tillit/domain';
import type { AuditWords } from './audit-words';

/** One changed field: its name, and its value before and after, each written for people. */
export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditText {
  sentence: string;
  changes: AuditChange[];
}

/** Names for the codes an entry holds (a unit's id, a metric's key), in the reader's language. */
export interface AuditNames {
  unit?: ReadonlyMap<string, string>;
  metric?: ReadonlyMap<string, string>;
  principle?: ReadonlyMap<string, string>;
}

/** The fields that hold codes of units, metrics or principles (one, or a list). */
const CODE_FIELDS: Readonly<Record<string, keyof AuditNames>> = {
  unitId: 'unit',
  unitIds: 'unit',
  parentId: 'unit',
  oldParentId: 'unit',
  newParentId: 'unit',
  metricKey: 'metric',
  metricKeys: 'metric',
  addedMetricKey: 'metric',
  principles: 'principle',
};

/** Long texts (a definition, a note) are cut in the log's table; the whole is in the database. */
const MAX_TEXT = 200;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/** Said by the log's own "När" and "Vem" columns already. */
const SKIPPED = new Set(['updatedAt', 'authorId']);

type Leaf = string | number | boolean | null | readonly unknown[];

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An entry's object as fields by their dotted path (`target.max`); arrays and scalars are leaves. */
function flatten(value: unknown, prefix = '', out = new Map<string, Leaf>()): Map<string, Leaf> {
  if (!isRecord(value)) {
    if (prefix) out.set(prefix, value === undefined ? null : (value as Leaf));
    return out;
  }
  for (const [key, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${key}` : key, out);
  return out;
}

function lookup(table: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return table && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** `definition.sv` → "Definition (svenska)"; a field the words do not know keeps its path. */
function fieldLabel(path: string, entity: string, words: AuditWords): string {
  const byEntity: Readonly<Record<string, Readonly<Record<string, string>>>> = words.entityFields;
  const fields: Readonly<Record<string, string>> = words.fields;
  const own = lookup(byEntity[entity], path) ?? lookup(fields, path);
  if (own) return own;
  const match = /^(.*)\.(sv|en)$/.exec(path);
  if (match?.[1] && match[2]) {
    const base = lookup(byEntity[entity], match[1]) ?? lookup(fields, match[1]) ?? match[1];
    return `${base} (${words.languages[match[2] as Language]})`;
  }
  return path;
}

function formatNumber(n: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 3, useGrouping: 'min2' }).format(n);
}

/** A code by its name where the page knows it ("Hemtjänst Öster" for `hemtjanst-hemtjanst-oster`). */
function nameOf(field: string, entity: string, code: string, names: AuditNames): string {
  // A note's parent is a note, not a unit.
  const kind = entity === 'annotation' && field === 'parentId' ? undefined : Object.hasOwn(CODE_FIELDS, field) ? CODE_FIELDS[field] : undefined;
  return (kind && names[kind]?.get(code)) ?? code;
}

function formatLeaf(path: string, value: Leaf, entity: string, words: AuditWords, language: Language, names: AuditNames): string {
  const last = path.split('.').at(-1) ?? path;
  if (value === null || value === '') return words.none;
  if (typeof value === 'number') {
    // The log cannot tell a hidden cell's figure from a shown one: it shows no figure at all.
    return AUDIT_FIGURE_FIELDS.has(last) ? words.figureHidden : formatNumber(value, language);
  }
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) {
    if (value.length === 0) return words.none;
    if (value.every((v) => typeof v === 'string' || typeof v === 'number')) {
      // Names of fields (the English texts to update) in words; other lists as they are.
      const items = value.map((v) =>
        last === 'englishOutdated' ? fieldLabel(String(v), entity, words) : nameOf(last, entity, String(v), names),
      );
      return items.join(', ');
    }
    return fill(value.length === 1 ? words.items_one : words.items_other, { count: formatNumber(value.length, language) });
  }
  const text = String(value);
  const values: Readonly<Record<string, Readonly<Record<string, string>>>> = words.values;
  const named = lookup(values[last], text) ?? (Object.hasOwn(CODE_FIELDS, last) ? nameOf(last, entity, text, names) : undefined);
  if (named) return named;
  if (ISO_INSTANT.test(text)) return formatDateTime(text, language);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT).trimEnd()} …` : text;
}

/** The field that names each kind of thing; the others go by their number or key. */
const NAME_FIELD: Readonly<Record<string, string>> = {
  metric: 'name',
  principle: 'name',
  unit: 'name',
  public_link: 'label',
  import: 'fileName',
  kolada_import: 'fileName',
};

/** What the entry is about, for its sentence: a name where it has one, with its number. */
function subjectOf(entry: AuditEntry, language: Language): string {
  const fields = flatten(entry.after ?? entry.before);
  const text = (path: string) => {
    const v = fields.get(path);
    return typeof v === 'string' && v !== '' ? v : null;
  };
  const id = entry.entityId;
  if (entry.entity === 'user') {
    const username = text('username');
    const name = text('displayName');
    if (username) return name && name !== username ? `${username} (${name})` : username;
    return id ?? '';
  }
  // A file read without an id of its own (a file of units) is named by the file.
  const field = lookup(NAME_FIELD, entry.entity) ?? (id === null ? 'fileName' : null);
  const name = field ? (text(`${field}.${language}`) ?? text(field)) : null;
  if (!name) return id ?? '';
  if (id === null) return name;
  // A number means nothing alone beside a name ("publik länk 1 (Nämnden)"); a key or a unit's code is the name's stand-in.
  return /^\d+$/.test(id) ? `${id} (${name})` : name;
}

/** The fields that differ, each once, in the order the entry holds them. */
function changesOf(entry: AuditEntry, words: AuditWords, language: Language, names: AuditNames): AuditChange[] {
  const before = flatten(entry.before);
  const after = flatten(entry.after);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  const isCreate = entry.before === null;
  const isDelete = entry.after === null;
  const changes: AuditChange[] = [];
  for (const path of paths) {
    const b = before.get(path) ?? null;
    const a = after.get(path) ?? null;
    if (SKIPPED.has(path) || JSON.stringify(b) === JSON.stringify(a)) continue;
    // A new or removed thing: its fields that say something (not its own number, not the empty ones).
    const own = isCreate ? a : b;
    if ((isCreate || isDelete) && (path === 'id' || own === null || (Array.isArray(own) && own.length === 0))) continue;
    const show = (v: Leaf | null) => formatLeaf(path, v, entry.entity, words, language, names);
    changes.push({
      field: fieldLabel(path, entry.entity, words),
      before: isCreate ? null : show(b),
      after: isDelete ? null : show(a),
    });
  }
  return changes;
}

/**
 * An audit entry in plain words: "Skapade publik länk 1 (Nämnden)" and each changed field as
 * "Mål, högst: 2,5 → 2,2". Kinds of entry the product no longer writes still read, as they are.
 */
export function describeAuditEntry(entry: AuditEntry, words: AuditWords, language: Language, names: AuditNames = {}): AuditText {
  const sentences: Readonly<Record<string, Readonly<Record<string, string>>>> = words.sentences;
  const template = lookup(sentences[entry.entity], entry.action);
  const subject = subjectOf(entry, language);
  const sentence = template
    ? fill(template, { subject })
    : fill(words.unknownSentence, { action: entry.action, entity: entry.entity, subject }).trim();
  return { sentence, changes: changesOf(entry, words, language, names) };
}
