import type { SummaryMetricResponse } from '@tillit/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/ui/Icon';
import { useLanguage } from '../../i18n/useLanguage';
import { NotYetTranslated } from '../metric/NotYetTranslated';
import { buildSummaryMetricModel, type SummaryMetricModel } from './summary-model';
import { SummaryAnalysis } from './SummaryAnalysis';
import { SummaryNotes } from './SummaryNotes';
import { SummaryTable } from './SummaryTable';


function TargetStatus({ target }: { target: NonNullable<SummaryMetricModel['target']> }) {
  const { t } = useTranslation();
  if (target.isMet === null) return <span className="tag tag--no_data">{t('summary.targetUnknown')}</span>;
  return (
    <span className={`tag ${target.isMet ? 'tag--improving' : 'tag--worsening'}`}>
      <Icon name={target.isMet ? 'check' : 'cross'} size={14} /> {t(target.isMet ? 'summary.targetMet' : 'summary.targetNotMet')}
    </span>
  );
}

/** One metric of the summary: what it says in words, the figures, the target, the context. */
export function SummaryMetric({ metric, unitName, children }: { metric: SummaryMetricResponse; unitName: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const model = buildSummaryMetricModel(metric, language, t);
  const headingId = `summary-${model.key}`;
  const { latest, changeSinceLast, changeSinceFirst, target } = model;

  return (
    <section className="summary-metric" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {model.name}
        <NotYetTranslated metric={metric} field="name" />
      </h2>
      <div className="summary-metric__top">
        <div className="summary-figure">
          {latest.state === 'shown' && (
            <>
              <span className="summary-figure__label">{t('summary.latest', { year: latest.year })}</span>
              <span className="summary-figure__value">{latest.text}</span>
              {latest.unit && <span className="summary-figure__unit">{latest.unit}</span>}
              {latest.isSynthetic && <span className="tag tag--synthetic summary-figure__tag">{t('card.synthetic')}</span>}
            </>
          )}
          {latest.state === 'hidden' && (
            <>
              <span className="summary-figure__label">{t('summary.latest', { year: latest.year })}</span>
              {/* Why is said in the sentences and under the table. */}
              <span className="summary-figure__hidden">
                <Icon name="hidden" size={20} /> {t('summary.notShown')}
              </span>
            </>
          )}
          {latest.state === 'empty' && <span className="summary-figure__hidden">{t('summary.noValue')}</span>}
        </div>
        <div className="summary-metric__text">
          {model.sentences.map((s) => (
            <p key={s}>{s}</p>
          ))}
        </div>
      </div>

      <dl className="summary-facts">
        <div>
          <dt>{t('summary.changeHeading')}</dt>
          <dd>
            {changeSinceLast === null && changeSinceFirst === null && t('summary.noChange')}
            {changeSinceLast && (
              <span className="summary-facts__line">
                {t('summary.changeSince', { year: changeSinceLast.sinceYear })}: <strong>{changeSinceLast.text}</strong>{' '}
                <span className={`tag tag--${changeSinceLast.direction}`}>
                  <Icon name={changeSinceLast.movement} size={14} /> {t(`card.direction.${changeSinceLast.direction}`)}
                </span>
              </span>
            )}
            {changeSinceFirst && changeSinceFirst.sinceYear !== changeSinceLast?.sinceYear && (
              <span className="summary-facts__line">
                {t('summary.changeSince', { year: changeSinceFirst.sinceYear })}: <strong>{changeSinceFirst.text}</strong>
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('summary.target')}</dt>
          <dd>
            {target === null ? (
              t('summary.noTarget')
            ) : (
              <>
                {target.text} <TargetStatus target={target} />
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('summary.principles')}</dt>
          <dd>{model.principles.length > 0 ? model.principles.join(', ') : t('summary.noPrinciples')}</dd>
        </div>
        <div className="summary-facts__wide">
          <dt>{t('summary.definition')}</dt>
          <dd>
            {model.definition}
            <NotYetTranslated metric={metric} field="definition" />
          </dd>
        </div>
      </dl>

      <SummaryAnalysis analysis={metric.analysis} />

      <SummaryTable model={model} unitName={unitName} />

      <SummaryNotes notes={model.annotations} />
      {children}
    </section>
  );
}
