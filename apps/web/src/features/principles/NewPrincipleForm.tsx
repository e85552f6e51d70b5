import { principleResponseSchema } from '@tillit/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrors, TextField, useFieldErrors, WriteError } from '../catalogue/FormParts';
import type { FieldError } from '../catalogue/catalogue-model';
import { useCatalogueWrite } from '../catalogue/useCatalogueWrite';

const EMPTY = { key: '', nameSv: '', nameEn: '', descriptionSv: '', descriptionEn: '' };

/** Checks the add form before sending; the server checks again. */
export function principleFormErrors(f: typeof EMPTY): FieldError[] {
  const errors: FieldError[] = [];
  if (!/^[a-z][a-z0-9_]{1,63}$/.test(f.key.trim())) errors.push({ field: 'key', error: 'key' });
  for (const field of ['nameSv', 'nameEn', 'descriptionSv', 'descriptionEn'] as const) {
    if (f[field].trim() === '') errors.push({ field, error: 'required' });
  }
  return errors;
}

/** Adds a principle, e.g. SOU 2019:43's Långsiktighet. */
export function NewPrincipleForm() {
  const { t } = useTranslation();
  const id = useId();
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [created, setCreated] = useState<string | null>(null);
  const write = useCatalogueWrite('POST', principleResponseSchema);
  const errorOf = useFieldErrors(errors);
  const set = (key: keyof typeof EMPTY, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const lang = (l: 'sv' | 'en') => t(`catalogue.${l}`);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = principleFormErrors(form);
    setErrors(found);
    if (found.length > 0) return;
    try {
      const saved = await write.mutateAsync({
        path: '/api/principles',
        body: {
          key: form.key.trim(),
          name: { sv: form.nameSv.trim(), en: form.nameEn.trim() },
          description: { sv: form.descriptionSv.trim(), en: form.descriptionEn.trim() },
        },
      });
      setCreated(saved.name.sv);
      setForm(EMPTY);
    } catch {
      // Shown from the mutation's state.
    }
  };

  return (
    <form className="catalogue-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('principles.add.heading')}</h2>
      <p>{t('principles.add.intro')}</p>
      <TextField id={`${id}-key`} label={t('principles.add.key')} value={form.key} onChange={(v) => set('key', v)} error={errorOf('key')} width="wide" />
      <div className="catalogue-pair">
        <TextField id={`${id}-nameSv`} label={t('catalogue.name', { lang: lang('sv') })} value={form.nameSv} onChange={(v) => set('nameSv', v)} error={errorOf('nameSv')} width="wide" />
        <TextField id={`${id}-nameEn`} label={t('catalogue.name', { lang: lang('en') })} value={form.nameEn} onChange={(v) => set('nameEn', v)} error={errorOf('nameEn')} width="wide" />
      </div>
      <div className="catalogue-pair">
        <TextField id={`${id}-descriptionSv`} label={t('principles.description', { lang: lang('sv') })} value={form.descriptionSv} onChange={(v) => set('descriptionSv', v)} error={errorOf('descriptionSv')} isMultiline />
        <TextField id={`${id}-descriptionEn`} label={t('principles.description', { lang: lang('en') })} value={form.descriptionEn} onChange={(v) => set('descriptionEn', v)} error={errorOf('descriptionEn')} isMultiline />
      </div>
      <FormErrors errors={errors} />
      <WriteError error={write.error} />
      <div className="catalogue-actions">
        <button type="submit" className="button" disabled={write.isPending}>
          {t('principles.add.submit')}
        </button>
        <p role="status" className="catalogue-status">
          {created ? t('principles.add.created', { name: created }) : ''}
        </p>
      </div>
    </form>
  );
}
