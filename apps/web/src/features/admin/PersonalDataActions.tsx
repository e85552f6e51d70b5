import type { EraseResult, UserResponse } from '@tillit/domain';
import { useMutationState, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { meQueries } from '../auth/queries';
import { ERASE_MUTATION_KEY, personalDataUrl, useEraseUser, type EraseVars } from './operations-queries';

/** A person's data: download it (GDPR art. 15), or erase the person after a confirmation (art. 17). */
export function PersonalDataActions({ user }: { user: UserResponse }) {
  const { t } = useTranslation();
  const [isErasing, setErasing] = useState(false);
  const eraseButton = useRef<HTMLButtonElement>(null);
  // Nobody erases their own account (the server refuses it too): another development manager does.
  const me = useQuery(meQueries.me());
  const isSelf = me.data?.username.toLowerCase() === user.username.toLowerCase();
  return (
    <>
      <a className="button button--secondary" href={personalDataUrl(user.id)} download title={t('personalData.exportHint')}>
        {t('personalData.exportLink')}
        <span className="visually-hidden"> {user.displayName}</span>
      </a>
      {!isSelf && (
        <button ref={eraseButton} type="button" className="button button--secondary" aria-expanded={isErasing} onClick={() => setErasing(!isErasing)}>
          {t('personalData.erase')}
          <span className="visually-hidden"> {user.displayName}</span>
        </button>
      )}
      {isErasing && (
        <EraseForm
          user={user}
          onCancel={() => {
            setErasing(false);
            eraseButton.current?.focus();
          }}
        />
      )}
    </>
  );
}

type Choice = 'keep' | 'delete' | null;

function EraseForm({ user, onCancel }: { user: UserResponse; onCancel: () => void }) {
  const { t } = useTranslation();
  const erase = useEraseUser();
  const [choice, setChoice] = useState<Choice>(null);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<'choose' | 'mismatch' | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const id = `erase-${user.id}`;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (choice === null) return setProblem('choose');
    if (typed.trim().toLowerCase() !== user.username.toLowerCase()) return setProblem('mismatch');
    setProblem(null);
    erase.mutate({ id: user.id, keepContent: choice === 'keep', displayName: user.displayName });
  };

  const option = (value: Exclude<Choice, null>, label: string, hint: string) => (
    <div className="radio">
      <input
        type="radio"
        id={`${id}-${value}`}
        name={`${id}-content`}
        value={value}
        checked={choice === value}
        onChange={() => setChoice(value)}
        aria-describedby={`${id}-${value}-hint`}
      />
      <label htmlFor={`${id}-${value}`}>{label}</label>
      <span id={`${id}-${value}-hint`} className="field-hint">
        {hint}
      </span>
    </div>
  );

  return (
    <section className="erase-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t('personalData.eraseTitle', { name: user.displayName })}
      </h3>
      <p>{t('personalData.eraseIntro')}</p>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset className="field" aria-describedby={problem === 'choose' ? `${id}-choose-error` : undefined}>
          <legend>{t('personalData.contentLegend')}</legend>
          {problem === 'choose' && (
            <p id={`${id}-choose-error`} className="form__error" role="alert">
              {t('personalData.chooseContent')}
            </p>
          )}
          {option('keep', t('personalData.keepContent'), t('personalData.keepContentHint'))}
          {option('delete', t('personalData.deleteContent'), t('personalData.deleteContentHint'))}
        </fieldset>
        <div className="form__field">
          <label htmlFor={`${id}-confirm`}>{t('personalData.confirmLabel', { username: user.username })}</label>
          <input
            id={`${id}-confirm`}
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={problem === 'mismatch' ? true : undefined}
            aria-describedby={problem === 'mismatch' ? `${id}-confirm-error` : undefined}
          />
          {problem === 'mismatch' && (
            <p id={`${id}-confirm-error`} className="form__error" role="alert">
              {t('personalData.confirmMismatch', { username: user.username })}
            </p>
          )}
        </div>
        {erase.isError && (
          <p className="form__error" role="alert">
            {erase.error.message}
          </p>
        )}
        <div className="erase-panel__buttons">
          <button type="submit" className="button button--danger" disabled={erase.isPending}>
            {t('personalData.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {t('personalData.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/**
 * What the last erasure did, above the list: the erased person's row (and the focus in it) is
 * gone, so the outcome is said here and the focus moves here.
 */
export function ErasedNotice() {
  const { t } = useTranslation();
  const done = useMutationState({
    filters: { mutationKey: ERASE_MUTATION_KEY, status: 'success' },
    select: (m) => ({ vars: m.state.variables as EraseVars, result: m.state.data as EraseResult, at: m.state.submittedAt }),
  });
  const last = done.at(-1);
  const notice = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (last) notice.current?.focus();
  }, [last?.at]); // eslint-disable-line react-hooks/exhaustive-deps -- once per erasure
  if (!last) return null;
  const count = last.result.notes + last.result.questions;
  return (
    <div ref={notice} className="notice notice--done" role="status" tabIndex={-1}>
      <p>{t('personalData.erased', { name: last.vars.displayName, pseudonym: last.result.pseudonym })}</p>
      <p>{last.result.keepContent ? t('personalData.erasedKept', { count }) : t('personalData.erasedDeleted', { count })}</p>
    </div>
  );
}
