import type { Language, Metric } from '@tillit/domain';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/ui/Icon';
import type { CardModel } from './card-model';

interface MetricFactsProps {
  metric: Metric;
  model: CardModel;
  language: Language;
}

/**
 * The latest figure, its change and direction, the target, and where it comes from. Direction
 * and target are always said in words and an icon, never by colour alone.
 */
export function MetricFacts({ metric, model, language }: MetricFactsProps) {
  const { t } = useTranslation();
  const unitLabel = metric.scale === 'ratio' && metric.unitLabel ? metric.unitLabel[language] : null;

  if (model.state === 'empty') {
    return <p className="facts__empty">{t('card.noData')}</p>;
  }

  return (
    <div className="facts">
      {model.state === 'hidden' ? (
        <div className="facts__hidden">
          <p className="facts__value facts__value--hidden">
            <Icon name="hidden" size={22} />
            <span>
              {t('suppression.hidden')} <span className="facts__year">{t('card.inYear', { year: model.latestYear })}</span>
            </span>
          </p>
          <p className="facts__reason">{model.hiddenText}</p>
          {model.value && <p className="facts__muted">{t('card.lastShown', { value: model.value.text, year: model.value.year })}</p>}
        </div>
      ) : (
        model.value && (
          <p className="facts__value">
            <span className="visually-hidden">{t('card.latest')}: </span>
            <span className="facts__number">{model.value.text}</span>
            {unitLabel && <span className="facts__unit"> {unitLabel}</span>}{' '}
            <span className="facts__year">{t('card.inYear', { year: model.value.year })}</span>
          </p>
        )
      )}

      {model.state === 'shown' &&
        (model.change ? (
          <p className="facts__change">
            <Icon name={model.change.movement} size={16} />
            <span>{t('card.changeSince', { change: model.change.text, year: model.change.sinceYear })}</span>
            <span className={`tag tag--${model.direction}`}>{t(`card.direction.${model.direction}`)}</span>
          </p>
        ) : (
          <p className="facts__change facts__muted">{t('card.noComparison')}</p>
        ))}

      <p className="facts__target">
        {model.target === null ? (
          <span className="facts__muted">{t('card.noTarget')}</span>
        ) : (
          <>
            <span>{t('card.target', { target: model.target.text })}</span>
            {model.target.isMet !== null && (
              <span className={`target-status target-status--${model.target.isMet ? 'met' : 'unmet'}`}>
                <Icon name={model.target.isMet ? 'check' : 'cross'} size={16} />
                {t(model.target.isMet ? 'card.targetMet' : 'card.targetNotMet')}
              </span>
            )}
          </>
        )}
      </p>

      {model.incomplete && (
        <p className="facts__incomplete">
          <Icon name="info" size={16} />
          <span>{t('coverage.cardNote', { ...model.incomplete })}</span>
        </p>
      )}

      {model.value && (
        <p className="facts__provenance">
          {model.value.isSynthetic ? (
            <span className="tag tag--synthetic">{t('card.synthetic')}</span>
          ) : (
            model.value.source && <span>{t('card.source', { source: model.value.source })}</span>
          )}
        </p>
      )}
    </div>
  );
}
