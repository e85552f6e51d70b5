import { ANNOTATION_TEXT_MAX, analysisBodySchema, formatDateTime, type Analysis, type AnalysisStatus } from '@tillit/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { issueText } from '../annotations/form-issues';
import { writeErrorText } from '../annotations/write-error';
import { analysisState } from './review-model';
import { useSaveAnalysis } from './queries';

interface AnalysisEditorProps {
  unit: { id: string; name: string };
  metric: { key: string; name: string };
  year: number;
  analysis: Analysis | null;
  /**
   * The heading's level where the editor sits (a section of the review); null where the page
   * gives the heading and the introduction itself (the metric page, with its choice of year).
   */
  headingLevel: 3 | null;
}

/**
 * The development manager's analysis of one metric for a unit and a year: written as a draft,
 * then published for the committee. The text is checked with the domain's schema before it is
 * sent (the API checks again); what is published and the earlier versions are shown below it.
 */
export function AnalysisEditor({ unit, metric, year, analysis, headingLevel }: AnalysisEditorProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const id = useId();
  const save = useSaveAnalysis();
  const [text, setText] = useState(analysis?.text ?? '');
  const [issue, setIssue] = useState<string | null>(null);
  const [saved, setSaved] = useState<AnalysisStatus | null>(null);
  const date = (iso: string) => formatDateTime(iso, language);

  const submit = (status: AnalysisStatus) => {
    setSaved(null);
    const body = { unitId: unit.id, metricKey: metric.key, year, text, status };
    const checked = analysisBodySchema.safeParse(body);
    const textIssue = checked.success ? undefined : checked.error.issues.find((i) => i.path[0] === 'text');
    if (textIssue) {
      setIssue(issueText(textIssue, language, t));
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setIssue(null);
    save.mutate(body, { onSuccess: () => setSaved(status) });
  };

  const state = analysisState(analysis);
  const describedBy = [`${id}-hint`, issue ? `${id}-error` : null, `${id}-state`].filter(Boolean).join(' ');
  return (
    <div className="analysis-editor">
      {headingLevel !== null && (
        <>
          <h3 id={`${id}-heading`}>{t('analysis.heading')}</h3>
          <p className="analysis-editor__intro">{t('analysis.intro')}</p>
        </>
      )}
      <form
        className="analysis-editor__form"
        aria-labelledby={headingLevel === null ? undefined : `${id}-heading`}
        noValidate
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('analysis.label', { metric: metric.name, year, unit: unit.name })}</label>
          <span id={`${id}-hint`} className="field-hint">
            {t('analysis.hint', { max: ANNOTATION_TEXT_MAX })}
          </span>
          {issue && (
            <p id={`${id}-error`} className="field-error">
              {issue}
            </p>
          )}
          <textarea
            id={`${id}-text`}
            rows={6}
            maxLength={ANNOTATION_TEXT_MAX}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setIssue(null);
              setSaved(null);
            }}
            aria-invalid={issue ? true : undefined}
            aria-describedby={describedBy}
          />
          <span className="field-hint field-hint--end">{t('analysis.counter', { count: text.length, max: ANNOTATION_TEXT_MAX })}</span>
        </div>
        <p id={`${id}-state`} className={`analysis-editor__state analysis-editor__state--${state}`}>
          {t(`analysis.status.${state}`, {
            date: analysis ? date(analysis.updatedAt) : '',
            author: analysis?.updatedBy ?? '',
            publishedDate: analysis?.published ? date(analysis.published.publishedAt) : '',
          })}
        </p>
        {save.error && (
          <div className="form-alert" role="alert">
            <p className="form-alert__title">{t('analysis.error')}</p>
            <p>{writeErrorText(save.error, t)}</p>
          </div>
        )}
        <div className="analysis-editor__actions">
          <button type="button" className="button button--secondary" disabled={save.isPending} onClick={() => submit('draft')}>
            {save.isPending && save.variables.status === 'draft' ? t('analysis.saving') : t('analysis.saveDraft')}
          </button>
          <button type="button" className="button" disabled={save.isPending} onClick={() => submit('published')}>
            {save.isPending && save.variables.status === 'published' ? t('analysis.saving') : t('analysis.publish')}
          </button>
        </div>
        <p className="analysis-editor__saved" role="status">
          {saved && t(`analysis.saved.${saved}`)}
        </p>
      </form>
      {analysis && analysis.history.length > 0 && (
        <details className="analysis-history">
          <summary>{t('analysis.history', { count: analysis.history.length })}</summary>
          <ol reversed>
            {analysis.history.map((v) => (
              <li key={v.version}>
                <p className="analysis-history__meta">
                  {t('analysis.versionMeta', { version: v.version, status: t(`analysis.statusWord.${v.status}`), date: date(v.writtenAt), author: v.writtenBy })}
                </p>
                <p className="analysis-history__text">{v.text}</p>
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
