import type { AnnotationReply, AnnotationThread } from '@tillit/domain';
import { useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/useLanguage';
import { checkNoteChange, draftOf, toUpdateBody, type AnnotationDraft } from './annotation-form';
import { formatNoteDate, formatYears, isEdited } from './annotation-text';
import { AnnotationForm } from './AnnotationForm';
import { DeleteButton } from './DeleteButton';
import { useDeleteAnnotation, useReplyToAnnotation, useUpdateAnnotation, type ThreadScope } from './queries';
import { ReplyForm } from './ReplyForm';

interface AnnotationItemProps {
  thread: AnnotationThread;
  number: number;
  isOutsideChart: boolean;
  onAnnounce: (message: string) => void;
  /** Called when the thread is gone, so that focus can move somewhere sensible. */
  onDeleted: () => void;
}

/** Closes an inline form and puts focus back on the button that opened it. */
function closeAndFocus(close: () => void, target: RefObject<HTMLElement | null>) {
  flushSync(close);
  target.current?.focus();
}

/**
 * Waits for a delete, then says so and moves focus on. Awaited rather than passed to `mutate`:
 * the note's component is gone once the list has reloaded, and with it `mutate`'s callbacks.
 */
async function deleteNote(deletion: Promise<unknown>, message: string, onAnnounce: (message: string) => void, onDeleted: () => void) {
  try {
    await deletion;
  } catch {
    return; // The mutation's error is shown beside the buttons.
  }
  onAnnounce(message);
  onDeleted();
}

/** Who wrote a note and when: "Name, 5 mars 2025 (ändrad 6 mars 2025)". */
function Byline({ note }: { note: Pick<AnnotationReply, 'author' | 'createdAt' | 'updatedAt'> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <p className="annotation__byline">
      {note.author.displayName}, <time dateTime={note.createdAt}>{formatNoteDate(note.createdAt, language)}</time>
      {isEdited(note) && (
        <>
          {' '}
          (<time dateTime={note.updatedAt}>{t('annotations.edited', { date: formatNoteDate(note.updatedAt, language) })}</time>)
        </>
      )}
    </p>
  );
}

/** A thread: the numbered first note with its years, visibility and text, its replies, and a way to reply. */
export function AnnotationItem({ thread, number, isOutsideChart, onAnnounce, onDeleted }: AnnotationItemProps) {
  const { t } = useTranslation();
  const scope: ThreadScope = { metricKey: thread.metricKey, unitId: thread.unitId };
  const update = useUpdateAnnotation(scope);
  const remove = useDeleteAnnotation(scope);
  const reply = useReplyToAnnotation(scope);
  const [isEditing, setEditing] = useState(false);
  const [isReplying, setReplying] = useState(false);
  const titleId = `annotation-${thread.id}-title`;
  const editButton = useRef<HTMLButtonElement>(null);
  const replyButton = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLHeadingElement>(null);

  const save = async (draft: AnnotationDraft) => {
    try {
      await update.mutateAsync({ id: thread.id, body: toUpdateBody(draft) });
      closeAndFocus(() => setEditing(false), editButton);
      onAnnounce(t('annotations.saved'));
      return true;
    } catch {
      return false;
    }
  };
  const sendReply = async (text: string) => {
    try {
      await reply.mutateAsync({ id: thread.id, text });
      closeAndFocus(() => setReplying(false), replyButton);
      onAnnounce(t('annotations.replySaved'));
      return true;
    } catch {
      return false;
    }
  };

  return (
    <article className="annotation" aria-labelledby={titleId}>
      <div className="annotation__head">
        <span className="note-badge" aria-hidden="true">
          {number}
        </span>
        <h3 id={titleId} className="annotation__years" ref={title} tabIndex={-1}>
          <span className="visually-hidden">{t('annotations.number', { number })}: </span>
          {formatYears(thread.yearFrom, thread.yearTo)}
        </h3>
        <span className={`tag tag--${thread.visibility === 'public' ? 'public' : 'muted'}`}>{t(`annotations.visibility.${thread.visibility}`)}</span>
        {isOutsideChart && <span className="tag tag--muted">{t('annotations.outsideChart')}</span>}
      </div>
      {isEditing ? (
        <AnnotationForm
          heading={t('annotations.form.editHeading', { number })}
          initial={draftOf(thread)}
          submitLabel={t('annotations.form.saveChanges')}
          isPending={update.isPending}
          error={update.error}
          check={checkNoteChange}
          onSubmit={save}
          onCancel={() => closeAndFocus(() => setEditing(false), editButton)}
          isAutoFocused
        />
      ) : (
        <>
          <p className="annotation__text">{thread.text}</p>
          <Byline note={thread} />
        </>
      )}
      {thread.canEdit && !isEditing && (
        <div className="annotation__actions">
          <button
            ref={editButton}
            type="button"
            className="link-button"
            aria-label={t('annotations.editLabel', { number })}
            onClick={() => {
              update.reset();
              setEditing(true);
            }}
          >
            {t('annotations.edit')}
          </button>
          <DeleteButton
            label={t('annotations.deleteLabel', { number })}
            question={t('annotations.confirmDelete')}
            isPending={remove.isPending}
            error={remove.error}
            onReset={remove.reset}
            onConfirm={() => void deleteNote(remove.mutateAsync(thread.id), t('annotations.deleted'), onAnnounce, onDeleted)}
          />
        </div>
      )}
      {thread.replies.length > 0 && (
        <ol className="annotation__replies" aria-label={t('annotations.repliesLabel', { number })}>
          {thread.replies.map((r) => (
            <li key={r.id}>
              <ReplyItem reply={r} scope={scope} onAnnounce={onAnnounce} onDeleted={() => title.current?.focus()} />
            </li>
          ))}
        </ol>
      )}
      {isReplying ? (
        <ReplyForm
          label={t('annotations.replyText')}
          submitLabel={t('annotations.replySubmit')}
          errorTitle={t('annotations.replyError')}
          isPending={reply.isPending}
          error={reply.error}
          onSubmit={sendReply}
          onCancel={() => closeAndFocus(() => setReplying(false), replyButton)}
        />
      ) : (
        <button
          ref={replyButton}
          type="button"
          className="button button--secondary button--small"
          aria-label={t('annotations.replyLabel', { number })}
          onClick={() => {
            reply.reset();
            setReplying(true);
          }}
        >
          {t('annotations.reply')}
        </button>
      )}
    </article>
  );
}

interface ReplyItemProps {
  reply: AnnotationReply;
  scope: ThreadScope;
  onAnnounce: (message: string) => void;
  onDeleted: () => void;
}

function ReplyItem({ reply, scope, onAnnounce, onDeleted }: ReplyItemProps) {
  const { t } = useTranslation();
  const update = useUpdateAnnotation(scope);
  const remove = useDeleteAnnotation(scope);
  const [isEditing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const save = async (text: string) => {
    try {
      await update.mutateAsync({ id: reply.id, body: { text } });
      closeAndFocus(() => setEditing(false), editButton);
      onAnnounce(t('annotations.saved'));
      return true;
    } catch {
      return false;
    }
  };

  return (
    <div className="annotation-reply">
      {isEditing ? (
        <ReplyForm
          label={t('annotations.editReplyLabel')}
          submitLabel={t('annotations.saveReply')}
          errorTitle={t('annotations.replyError')}
          initialText={reply.text}
          isPending={update.isPending}
          error={update.error}
          onSubmit={save}
          onCancel={() => closeAndFocus(() => setEditing(false), editButton)}
        />
      ) : (
        <>
          <p className="annotation__text">{reply.text}</p>
          <Byline note={reply} />
        </>
      )}
      {reply.canEdit && !isEditing && (
        <div className="annotation__actions">
          <button
            ref={editButton}
            type="button"
            className="link-button"
            aria-label={t('annotations.editReplyLabel')}
            onClick={() => {
              update.reset();
              setEditing(true);
            }}
          >
            {t('annotations.edit')}
          </button>
          <DeleteButton
            label={t('annotations.deleteReplyLabel')}
            question={t('annotations.confirmDeleteReply')}
            isPending={remove.isPending}
            error={remove.error}
            onReset={remove.reset}
            onConfirm={() => void deleteNote(remove.mutateAsync(reply.id), t('annotations.replyDeleted'), onAnnounce, onDeleted)}
          />
        </div>
      )}
    </div>
  );
}
