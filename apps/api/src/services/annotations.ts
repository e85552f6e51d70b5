import {
  isUnitInScope,
  type AnnotationReply,
  type AnnotationSummary,
  type AnnotationThread,
  type PublicAnnotation,
  type createAnnotationBodySchema,
  type replyBodySchema,
  type updateAnnotationBodySchema,
} from '@tillit/domain';
import type { z } from 'zod/mini';
import {
  deleteAnnotation,
  findAnnotation,
  insertAnnotation,
  listForMetricAndUnit,
  listPublicFirstNotes,
  listRecentInSubtree,
  listReplies,
  syncReplies,
  updateAnnotation,
  type AnnotationRecord,
} from '../db/annotations.js';
import type { Db } from '../db/database.js';
import { ForbiddenError, invalid, NotFoundError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import type { SessionUser } from './auth.js';
import type { CatalogueService } from './catalogue.js';
import { auditView, toReply, toThread, type MayChange } from './annotation-views.js';
import type { MailNotifier } from './mail-notify.js';
import type { UnitService } from './units.js';

type CreateBody = z.output<typeof createAnnotationBodySchema>;
type UpdateBody = z.output<typeof updateAnnotationBodySchema>;
type ReplyBody = z.output<typeof replyBodySchema>;

/** Who writes and in which request; the audit log records both. */
export interface Writer {
  user: SessionUser;
  requestId: string;
}

const ENTITY = 'annotation';
const actorOf = ({ user, requestId }: Writer): Actor => ({ userId: user.id, username: user.username, requestId });

/**
 * Notes on a metric for a unit. A note belongs to exactly one unit: a unit's chart shows its own
 * notes, not those of the units below it (the overview's latest notes do gather the subtree).
 * Unit managers write first notes in their own units and below; the development manager
 * anywhere; any staff member may reply; only a note's author may change or delete it, and a
 * first note only while its unit is still theirs: a unit manager who has left a unit can no
 * longer rewrite or publish what they wrote there (replies may be written anywhere, so stay theirs).
 */
export function createAnnotationService(db: Db, units: UnitService, catalogue: CatalogueService, mail: MailNotifier | null = null) {
  const requireAnnotation = (id: number): AnnotationRecord => {
    const found = findAnnotation(db, id);
    if (!found) throw new NotFoundError(`Anteckningen ${id} finns inte (unknown annotation).`);
    return found;
  };
  const isOwnUnit = (note: AnnotationRecord, user: SessionUser): boolean =>
    note.parentId !== null || isUnitInScope(user, note.unitId, units.byId());
  const mayChange =
    (user: SessionUser): MayChange =>
    (note) =>
      note.authorId === user.id && isOwnUnit(note, user);
  const requireAuthor = (note: AnnotationRecord, user: SessionUser): void => {
    if (note.authorId !== user.id) throw new ForbiddenError('Bara den som skrev anteckningen kan ändra eller ta bort den.');
    if (!isOwnUnit(note, user)) {
      const name = units.byId().get(note.unitId)?.name ?? note.unitId;
      throw new ForbiddenError(`${name} ingår inte längre i dina enheter, så anteckningen där kan inte längre ändras eller tas bort av dig.`);
    }
  };
  const thread = (rootId: number, user: SessionUser): AnnotationThread =>
    toThread(requireAnnotation(rootId), listReplies(db, rootId), mayChange(user));

  return {
    /** The threads about a metric for one unit, by year; an unknown metric or unit is a 400. */
    list(user: SessionUser, metricKey: string, unitId: string): AnnotationThread[] {
      catalogue.requireMetric(metricKey);
      units.requireUnit(unitId);
      const rows = listForMetricAndUnit(db, metricKey, unitId);
      const replies = new Map<number, AnnotationRecord[]>();
      for (const r of rows) if (r.parentId !== null) replies.set(r.parentId, [...(replies.get(r.parentId) ?? []), r]);
      return rows.filter((r) => r.parentId === null).map((root) => toThread(root, replies.get(root.id) ?? [], mayChange(user)));
    },

    /** The latest threads about a unit or any unit below it, across metrics, newest first. */
    recent(user: SessionUser, unitId: string, limit: number): AnnotationSummary[] {
      units.requireUnit(unitId);
      return listRecentInSubtree(db, unitId, limit).map(({ replyCount, ...r }) => {
        const { replies: _replies, ...root } = toThread(r, [], mayChange(user));
        return { ...root, replyCount };
      });
    },

    create(writer: Writer, body: CreateBody): AnnotationThread {
      const { user } = writer;
      const unit = units.byId().get(body.unitId);
      if (!unit) throw invalid('body.unitId', `Enheten "${body.unitId}" finns inte (unknown unit).`);
      if (!catalogue.metrics().some((m) => m.key === body.metricKey)) {
        throw invalid('body.metricKey', `Nyckeltalet "${body.metricKey}" finns inte (unknown metric).`);
      }
      if (!isUnitInScope(user, unit.id, units.byId())) {
        throw new ForbiddenError(`Du kan bara skriva anteckningar för dina egna enheter; ${unit.name} ingår inte i dem.`);
      }
      return db.transaction(() => {
        const id = insertAnnotation(
          db,
          {
            unitId: unit.id,
            metricKey: body.metricKey,
            yearFrom: body.year,
            yearTo: body.yearTo ?? body.year,
            text: body.text,
            visibility: body.visibility,
            parentId: null,
            authorId: user.id,
          },
          new Date().toISOString(),
        );
        const created = requireAnnotation(id);
        audit(db, actorOf(writer), 'create', ENTITY, id, null, auditView(created));
        return toThread(created, [], mayChange(user));
      })();
    },

    /** Changes a note and answers with its whole thread. Years and visibility belong to the first note. */
    update(writer: Writer, id: number, body: UpdateBody): AnnotationThread {
      const { user } = writer;
      return db.transaction(() => {
        const before = requireAnnotation(id);
        requireAuthor(before, user);
        if (before.parentId !== null) {
          for (const field of ['visibility', 'year', 'yearTo'] as const) {
            if (body[field] !== undefined) {
              throw invalid(`body.${field}`, 'Ett svar har samma år och synlighet som anteckningen det svarar på; ändra bara texten.');
            }
          }
        }
        const yearFrom = body.year ?? before.yearFrom;
        // A new first year moves a single-year note; a span keeps its end unless told otherwise.
        const yearTo =
          body.yearTo === null ? yearFrom : (body.yearTo ?? (before.yearTo === before.yearFrom ? yearFrom : before.yearTo));
        if (yearTo < yearFrom) throw invalid('body.yearTo', 'Sista året (yearTo) kan inte vara före första året (year)');
        updateAnnotation(
          db,
          id,
          { text: body.text ?? before.text, visibility: body.visibility ?? before.visibility, yearFrom, yearTo },
          new Date().toISOString(),
        );
        if (before.parentId === null) syncReplies(db, id);
        const after = requireAnnotation(id);
        audit(db, actorOf(writer), 'update', ENTITY, id, auditView(before), auditView(after));
        return thread(after.parentId ?? after.id, user);
      })();
    },

    /** Deletes a note; deleting a first note deletes its replies, which the audit entry keeps. */
    remove(writer: Writer, id: number): void {
      db.transaction(() => {
        const before = requireAnnotation(id);
        requireAuthor(before, writer.user);
        const replies = before.parentId === null ? listReplies(db, id).map(auditView) : [];
        deleteAnnotation(db, id);
        audit(db, actorOf(writer), 'delete', ENTITY, id, { ...auditView(before), ...(before.parentId === null ? { replies } : {}) }, null);
      })();
    },

    /** A reply goes under the thread's first note, also when it answers a reply. */
    reply(writer: Writer, id: number, body: ReplyBody): AnnotationReply {
      const { user } = writer;
      return db.transaction(() => {
        const target = requireAnnotation(id);
        const root = target.parentId === null ? target : requireAnnotation(target.parentId);
        const replyId = insertAnnotation(
          db,
          {
            unitId: root.unitId,
            metricKey: root.metricKey,
            yearFrom: root.yearFrom,
            yearTo: root.yearTo,
            text: body.text,
            visibility: root.visibility,
            parentId: root.id,
            authorId: user.id,
          },
          new Date().toISOString(),
        );
        const created = requireAnnotation(replyId);
        audit(db, actorOf(writer), 'reply', ENTITY, replyId, null, auditView(created));
        // The others in the thread hear of it by e-mail (docs/mail.md), in this same transaction.
        mail?.annotationReplied(root, user);
        return toReply(created, mayChange(user));
      })();
    },
  };
}
export type AnnotationService = ReturnType<typeof createAnnotationService>;

/**
 * The notes a read-only view may show (the politicians' summary): first notes marked public,
 * optionally of some units only, with the author's display name and nothing else about them.
 * Replies are internal conversation and are never included.
 */
export function listPublicAnnotations(db: Db, options: { unitIds?: readonly string[] } = {}): PublicAnnotation[] {
  return listPublicFirstNotes(db, options.unitIds).map((r) => ({
    id: r.id,
    unitId: r.unitId,
    metricKey: r.metricKey,
    yearFrom: r.yearFrom,
    yearTo: r.yearTo,
    text: r.text,
    author: { displayName: r.author.displayName },
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}
