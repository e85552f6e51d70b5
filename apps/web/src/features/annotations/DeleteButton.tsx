import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { writeErrorText } from './write-error';

interface DeleteButtonProps {
  /** The button's accessible name, e.g. "Ta bort anteckning 2". */
  label: string;
  question: string;
  isPending: boolean;
  error: Error | null;
  onConfirm: () => void;
  onReset: () => void;
}

/** Delete in two steps: the button, then a question answered in place (no pop-up window). */
export function DeleteButton({ label, question, isPending, error, onConfirm, onReset }: DeleteButtonProps) {
  const { t } = useTranslation();
  const [isAsking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  if (!isAsking) {
    return (
      <button
        ref={button}
        type="button"
        className="link-button"
        aria-label={label}
        onClick={() => {
          onReset();
          setAsking(true);
        }}
      >
        {t('annotations.delete')}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p className="confirm__question">{question}</p>
      <button type="button" className="button button--danger" onClick={onConfirm} disabled={isPending} autoFocus>
        {t('annotations.confirmYes')}
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          flushSync(() => setAsking(false));
          button.current?.focus();
        }}
      >
        {t('annotations.cancel')}
      </button>
      {error && (
        <p className="form-alert" role="alert">
          {t('annotations.deleteError')}: {writeErrorText(error, t)}
        </p>
      )}
    </div>
  );
}
