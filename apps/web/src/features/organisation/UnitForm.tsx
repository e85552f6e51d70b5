import { unitKindSchema, type UnitKind } from '@tillit/domain';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import type { UnitRow } from './org-model';
import { useCreateUnit, useUpdateUnit } from './queries';

const KINDS = unitKindSchema.options;

/** Adds a unit, or corrects one (`editing`): code, name, kind, parent and period. */
export function UnitForm({ rows, editing, onDone }: { rows: readonly UnitRow[]; editing: UnitRow | null; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const [form, setForm] = useState(() => ({
    id: editing?.id ?? '',
    name: editing?.name ?? '',
    kind: editing?.kind ?? ('unit' as UnitKind),
    parentId: editing?.parentId ?? '',
    validFrom: editing?.validFrom ?? '',
    validTo: editing?.validTo ?? '',
  }));
  const [saved, setSaved] = useState('');
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const mutation = editing ? update : create;
  // Choosing "Ändra" in the table brings the keyboard here, to the form it opened.
  const nameRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setSaved('');
    const fields = {
      name: form.name.trim(),
      kind: form.kind,
      parentId: form.parentId || null,
      validFrom: form.validFrom || null,
      validTo: form.validTo || null,
    };
    const done = { onSuccess: () => setSaved(t('organisation.saved', { name: fields.name })) };
    if (editing) update.mutate({ id: editing.id, ...fields }, { onSuccess: () => onDone() });
    else create.mutate({ id: form.id.trim(), ...fields }, done);
  };

  const headingId = `${id}-heading`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{editing ? t('organisation.editHeading', { name: editing.name }) : t('organisation.addHeading')}</h2>
      {editing && <p className="form__hint">{t('organisation.editHint')}</p>}
      <form className="form form--grid" onSubmit={onSubmit} noValidate>
        {!editing && (
          <div className="form__field">
            <label htmlFor={`${id}-code`}>{t('organisation.code')}</label>
            <input id={`${id}-code`} value={form.id} autoComplete="off" aria-describedby={`${id}-code-hint`} onChange={(e) => set('id', e.target.value)} />
            <span id={`${id}-code-hint`} className="muted">
              {t('organisation.codeHint')}
            </span>
          </div>
        )}
        <div className="form__field">
          <label htmlFor={`${id}-name`}>{t('organisation.name')}</label>
          <input id={`${id}-name`} ref={nameRef} value={form.name} onChange={(e) => set('name', e.target.value)} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-kind`}>{t('organisation.kind')}</label>
          <select id={`${id}-kind`} value={form.kind} onChange={(e) => set('kind', e.target.value as UnitKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`units.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-parent`}>{t('organisation.parent')}</label>
          <UnitSelect id={`${id}-parent`} rows={rows.filter((r) => r.id !== editing?.id)} value={form.parentId} onChange={(v) => set('parentId', v)} emptyLabel={t('organisation.noParent')} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-from`}>{t('organisation.validFrom')}</label>
          <input id={`${id}-from`} type="date" value={form.validFrom} onChange={(e) => set('validFrom', e.target.value)} />
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-to`}>{t('organisation.validTo')}</label>
          <input id={`${id}-to`} type="date" value={form.validTo} onChange={(e) => set('validTo', e.target.value)} />
        </div>
        {mutation.isError && <ErrorMessage error={mutation.error} />}
        <p role="status">{saved}</p>
        <div className="import-actions">
          <button type="submit" className="button button--primary" disabled={mutation.isPending}>
            {editing ? t('organisation.save') : t('organisation.add')}
          </button>
          {editing && (
            <button type="button" className="button button--secondary" onClick={onDone}>
              {t('organisation.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}

/** A native select of units, indented by depth; closed units say so. */
export function UnitSelect({
  id,
  rows,
  value,
  onChange,
  emptyLabel,
}: {
  id: string;
  rows: readonly UnitRow[];
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {rows.map((r) => (
        <option key={r.id} value={r.id}>
          {'\u00a0\u00a0'.repeat(r.depth)}
          {r.name}
          {r.validTo ? ` (${t('units.closed')} ${r.validTo})` : ''}
        </option>
      ))}
    </select>
  );
}
