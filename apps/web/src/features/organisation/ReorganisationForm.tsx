import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ui/ErrorMessage';
import { emptyReorgForm, reorganisationBody, type ReorgForm, type ReorgKind, type UnitRow } from './org-model';
import type { ReleaseWarning, ReorganisationBody } from '@tillit/domain';
import { usePreviewReorganisation, useRegisterReorganisation } from './queries';
import { UnitSelect } from './UnitForm';

const KINDS: readonly ReorgKind[] = ['merge', 'split', 'rename', 'move'];

/** Registers a merger, split, rename or move from a year on; the chart marks it at that year. */
export function ReorganisationForm({ rows }: { rows: readonly UnitRow[] }) {
  const { t } = useTranslation();
  const id = useId();
  const register = useRegisterReorganisation();
  const preview = usePreviewReorganisation();
  // Figures already shown that the change would hide: asked about before anything is written.
  const [pending, setPending] = useState<{ body: ReorganisationBody; warnings: ReleaseWarning[] } | null>(null);
  const [form, setForm] = useState<ReorgForm>(() => emptyReorgForm(new Date().getFullYear()));
  const [missing, setMissing] = useState('');
  const [done, setDone] = useState('');
  const set = <K extends keyof ReorgForm>(key: K, value: ReorgForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setSuccessor = (i: number, key: 'id' | 'name', value: string) =>
    setForm((f) => ({ ...f, successors: f.successors.map((s, j) => (j === i ? { ...s, [key]: value } : s)) }));
  const open = rows.filter((r) => r.validTo === null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setDone('');
    const built = reorganisationBody(form);
    if (!built.ok) {
      setMissing(t('organisation.missing', { field: t(built.missing).toLowerCase() }));
      return;
    }
    setMissing('');
    preview.mutate(built.body, {
      onSuccess: ({ warnings }) => {
        if (warnings.length > 0) setPending({ body: built.body, warnings });
        else commit(built.body);
      },
    });
  };

  const commit = (body: ReorganisationBody) => {
    setPending(null);
    register.mutate(body, {
      onSuccess: (r) => {
        setDone(t('organisation.registered', { label: r.label, year: r.year }));
        setForm(emptyReorgForm(form.year === '' ? new Date().getFullYear() : Number(form.year)));
      },
    });
  };

  const successorFields = (count: number) =>
    form.successors.slice(0, count).map((s, i) => (
      <fieldset key={i} className="form__field">
        <legend>{form.kind === 'merge' ? t('organisation.newName') : t('organisation.successor', { n: i + 1 })}</legend>
        <label htmlFor={`${id}-s${i}-code`}>{t('organisation.newCode')}</label>
        <input id={`${id}-s${i}-code`} value={s.id} autoComplete="off" onChange={(e) => setSuccessor(i, 'id', e.target.value)} />
        <label htmlFor={`${id}-s${i}-name`}>{t('organisation.newName')}</label>
        <input id={`${id}-s${i}-name`} value={s.name} onChange={(e) => setSuccessor(i, 'name', e.target.value)} />
      </fieldset>
    ));

  const headingId = `${id}-heading`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('organisation.reorgHeading')}</h2>
      <p>{t('organisation.reorgIntro')}</p>
      <form className="form form--grid" onSubmit={onSubmit} noValidate>
        <div className="form__field">
          <label htmlFor={`${id}-kind`}>{t('organisation.reorgKind')}</label>
          <select id={`${id}-kind`} value={form.kind} onChange={(e) => set('kind', e.target.value as ReorgKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`organisation.reorgKinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor={`${id}-year`}>{t('organisation.year')}</label>
          <input id={`${id}-year`} inputMode="numeric" value={form.year} onChange={(e) => set('year', e.target.value)} />
        </div>
        {form.kind === 'merge' && (
          <>
            <div className="form__field">
              <label htmlFor={`${id}-from`}>{t('organisation.mergeFrom')}</label>
              <select
                id={`${id}-from`}
                multiple
                size={8}
                value={form.from}
                aria-describedby={`${id}-from-hint`}
                onChange={(e) => set('from', [...e.target.selectedOptions].map((o) => o.value))}
              >
                {open.map((r) => (
                  <option key={r.id} value={r.id}>
                    {'\u00a0\u00a0'.repeat(r.depth)}
                    {r.name}
                  </option>
                ))}
              </select>
              <span id={`${id}-from-hint`} className="muted">
                {t('organisation.mergeFromHint')}
              </span>
            </div>
            {successorFields(1)}
          </>
        )}
        {form.kind !== 'merge' && (
          <div className="form__field">
            <label htmlFor={`${id}-unit`}>{form.kind === 'split' ? t('organisation.splitFrom') : t('organisation.unit')}</label>
            <UnitSelect id={`${id}-unit`} rows={open} value={form.unitId} onChange={(v) => set('unitId', v)} emptyLabel="–" />
          </div>
        )}
        {form.kind === 'split' && (
          <>
            {successorFields(form.successors.length)}
            <button type="button" className="button button--secondary" onClick={() => set('successors', [...form.successors, { id: '', name: '' }])}>
              {t('organisation.addSuccessor')}
            </button>
          </>
        )}
        {form.kind === 'rename' && (
          <div className="form__field">
            <label htmlFor={`${id}-rename`}>{t('organisation.renameTo')}</label>
            <input id={`${id}-rename`} value={form.newName} onChange={(e) => set('newName', e.target.value)} />
          </div>
        )}
        {form.kind === 'move' && (
          <div className="form__field">
            <label htmlFor={`${id}-parent`}>{t('organisation.moveTo')}</label>
            <UnitSelect id={`${id}-parent`} rows={open} value={form.parentId} onChange={(v) => set('parentId', v)} emptyLabel="–" />
          </div>
        )}
        <div className="form__field">
          <label htmlFor={`${id}-note`}>{t('organisation.note')}</label>
          <textarea id={`${id}-note`} rows={2} value={form.note} onChange={(e) => set('note', e.target.value)} />
        </div>
        {missing && (
          <p className="form__error" role="alert">
            {missing}
          </p>
        )}
        {register.isError && <ErrorMessage error={register.error} />}
        {preview.isError && <ErrorMessage error={preview.error} />}
        <p role="status">{done}</p>
        {pending ? (
          <div className="notice notice--warning" role="alert">
            <p>{t('organisation.alreadyShown', { count: pending.warnings.length })}</p>
            <ul>
              {pending.warnings.slice(0, 20).map((w) => (
                <li key={`${w.metricKey}-${w.year}-${w.unitId}`}>{t('organisation.alreadyShownItem', { unit: w.unitName, year: w.year, metric: w.metricName })}</li>
              ))}
            </ul>
            <p>{t('organisation.alreadyShownAdvice')}</p>
            <div className="notice__actions">
              <button type="button" className="button button--primary" onClick={() => commit(pending.body)} disabled={register.isPending}>
                {t('organisation.registerAnyway')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setPending(null)}>
                {t('organisation.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="submit" className="button button--primary" disabled={register.isPending || preview.isPending}>
            {t('organisation.register')}
          </button>
        )}
      </form>
    </section>
  );
}
