import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLanguage } from '../../i18n/useLanguage';
import { catalogueQueries } from '../catalogue/queries';
import { DataNeedForm } from './DataNeedForm';

/**
 * Asking "Vilka data behöver du?" from "Mina frågor": choose the metric (preset by `?ask=KEY`,
 * e.g. from the summary), write, send. The unit comes along from `?unit=`.
 */
export function AskDataNeed() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const metrics = useQuery(catalogueQueries.metrics());
  const list = metrics.data ?? [];
  const metric = list.find((m) => m.key === params.get('ask')) ?? list[0];
  if (!metric) return null;
  return (
    <section id="ask" className="section" aria-labelledby="ask-heading">
      <h2 id="ask-heading">{t('dataNeeds.ask.heading')}</h2>
      <div className="form__field form__field--inline">
        <label htmlFor="ask-metric">{t('dataNeeds.ask.metric')}</label>
        <select
          id="ask-metric"
          value={metric.key}
          onChange={(e) =>
            setParams(
              (p) => {
                p.set('ask', e.target.value);
                return p;
              },
              { replace: true, preventScrollReset: true },
            )
          }
        >
          {list.map((m) => (
            <option key={m.key} value={m.key}>
              {m.name[language]}
            </option>
          ))}
        </select>
      </div>
      <DataNeedForm key={metric.key} metric={metric} unitId={params.get('unit')} anchor="ask" />
    </section>
  );
}
