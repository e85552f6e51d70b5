import { principleResponseSchema, type Metric, type PrinciplesOverview } from '@tillit/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { TextField, WriteError } from '../catalogue/FormParts';
import { useCatalogueWrite } from '../catalogue/useCatalogueWrite';

type OverviewPrinciple = PrinciplesOverview['principles'][number];

/** Edits a principle's texts and which metrics are linked to it (two writes: texts, then links). */
export function PrincipleEditForm({
  principle,
  allMetrics,
  onDone,
}: {
  principle: OverviewPrinciple;
  allMetrics: readonly Metric[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const [texts, setTexts] = useState({
    nameSv: principle.name.sv,
    nameEn: principle.name.en,
    descriptionSv: principle.description.sv,
    descriptionEn: principle.description.en,
  });
  const [linked, setLinked] = useState<string[]>(principle.metrics.map((m) => m.key));
  const saveTexts = useCatalogueWrite('PUT', principleResponseSchema);
  const saveLinks = useCatalogueWrite('PUT', principleResponseSchema);
  const set = (key: keyof typeof texts, value: string) => setTexts((x) => ({ ...x, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await saveTexts.mutateAsync({
        path: `/api/principles/${principle.key}`,
        body: {
          name: { sv: texts.nameSv, en: texts.nameEn },
          description: { sv: texts.descriptionSv, en: texts.descriptionEn },
        },
      });
      await saveLinks.mutateAsync({ path: `/api/principles/${principle.key}/metrics`, body: { metricKeys: linked } });
      onDone();
    } catch {
      // Shown from the mutations' state.
    }
  };

  const lang = (l: 'sv' | 'en') => t(`catalogue.${l}`);
  return (
    <form className="catalogue-form principle-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('principles.edit', { name: principle.name[language] })}>
      <div className="catalogue-pair">
        <TextField id={`${id}-nameSv`} label={t('catalogue.name', { lang: lang('sv') })} value={texts.nameSv} onChange={(v) => set('nameSv', v)} width="wide" />
        <TextField id={`${id}-nameEn`} label={t('catalogue.name', { lang: lang('en') })} value={texts.nameEn} onChange={(v) => set('nameEn', v)} width="wide" />
      </div>
      <TextField id={`${id}-descriptionSv`} label={t('principles.description', { lang: lang('sv') })} value={texts.descriptionSv} onChange={(v) => set('descriptionSv', v)} isMultiline />
      <TextField id={`${id}-descriptionEn`} label={t('principles.description', { lang: lang('en') })} value={texts.descriptionEn} onChange={(v) => set('descriptionEn', v)} isMultiline />
      <fieldset className="catalogue-group">
        <legend>{t('principles.linkedMetrics')}</legend>
        <ul className="catalogue-checks">
          {allMetrics.map((m) => {
            const checked = linked.includes(m.key);
            return (
              <li key={m.key}>
                <label>
                  <input type="checkbox" checked={checked} onChange={() => setLinked(checked ? linked.filter((k) => k !== m.key) : [...linked, m.key])} />{' '}
                  {m.name[language]}
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      <WriteError error={saveTexts.error ?? saveLinks.error} />
      <div className="catalogue-actions">
        <button type="submit" className="button" disabled={saveTexts.isPending || saveLinks.isPending}>
          {t('principles.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onDone}>
          {t('principles.cancel')}
        </button>
      </div>
    </form>
  );
}
