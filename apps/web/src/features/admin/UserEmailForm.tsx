import type { UserResponse } from '@tillit/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateUser } from './queries';

/** Changes or clears an account's e-mail address (an empty field clears it). */
export function UserEmailForm({ user, onDone }: { user: UserResponse; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [email, setEmail] = useState(user.email ?? '');
  const id = `email-${user.id}`;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ id: user.id, email }, { onSuccess: onDone });
      }}
    >
      <div className="form__field">
        <label htmlFor={id}>{t('accountEmail.emailFor', { name: user.displayName })}</label>
        <input id={id} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} aria-describedby={`${id}-hint`} />
        <span id={`${id}-hint`} className="muted">
          {t('accountEmail.hint')}
        </span>
      </div>
      {update.isError && (
        <p className="form__error" role="alert">
          {update.error.message}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={update.isPending}>
        {t('admin.save')}
      </button>
    </form>
  );
}
