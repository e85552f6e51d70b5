import type { MetricResponse } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { numberWord } from '../../i18n/number-words';
import { describeTarget } from './metric-text';
import { NotYetTranslated } from './NotYetTranslated';

/** How the number is made, in plain words: the definition is part of the metric's data. */
export function MetricDefinition({ metric }: { metric: MetricResponse }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const target = describeTarget(metric, language, t);
  return (
    <section className="section" aria-labelledby="definition-heading">
      <h2 id="definition-heading">{t('metric.definitionHeading')}</h2>
      <dl className="definition-list">
        <dt>{t('metric.definition')}</dt>
        <dd>
          {metric.definition[language]}
          <NotYetTranslated metric={metric} field="definition" />
        </dd>
        <dt>{t('metric.numerator')}</dt>
        <dd>
          {metric.numerator[language]}
          <NotYetTranslated metric={metric} field="numerator" />
        </dd>
        <dt>{t('metric.denominator')}</dt>
        <dd>
          {metric.denominator[language]}
          <NotYetTranslated metric={metric} field="denominator" />
        </dd>
        <dt>{t('metric.definitionSource')}</dt>
        <dd>{metric.definitionSource ?? t('metric.definitionSourceNone')}</dd>
        <dt>{t('metric.goodDirectionLabel')}</dt>
        <dd>{t(`metric.goodDirection.${metric.goodDirection}`)}</dd>
        <dt>{t('metric.targetLabel')}</dt>
        <dd>{target ? target.charAt(0).toUpperCase() + target.slice(1) + '.' : t('metric.noTarget')}</dd>
        <dt>{t('metric.privacyLabel')}</dt>
        <dd>
          {t(`metric.sensitivity.${metric.sensitivity}`)}{' '}
          {metric.suppressionThreshold === null
            ? t('metric.thresholdNone')
            : t('metric.threshold', { threshold: numberWord(metric.suppressionThreshold, language) })}
        </dd>
      </dl>
    </section>
  );
}
