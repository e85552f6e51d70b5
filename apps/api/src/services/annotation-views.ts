import type { AnnotationReply, AnnotationThread } from '@tillit/domain';
import type { AnnotationRecord } from '../db/annotations.js';

/** What the audit log keeps of a note: everything stored, the author by id. */
export function auditView(r: AnnotationRecord) {
  return {
    id: r.id,
    unitId: r.unitId,
    metricKey: r.metricKey,
    yearFrom: r.yearFrom,
    yearTo: r.yearTo,
    visibility: r.visibility,
    text: r.text,
    parentId: r.parentId,
    authorId: r.authorId,
  };
}

/** Whether the viewer may change or delete a note: see `mayChange` in the service. */
export type MayChange = (note: AnnotationRecord) => boolean;

export function toReply(r: AnnotationRecord, mayChange: MayChange): AnnotationReply {
  return {
    id: r.id,
    parentId: r.parentId ?? r.id,
    author: r.author,
    text: r.text,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    canEdit: mayChange(r),
  };
}

export function toThread(root: AnnotationRecord, replies: readonly AnnotationRecord[], mayChange: MayChange): AnnotationThread {
  return {
    id: root.id,
    unitId: root.unitId,
    metricKey: root.metricKey,
    yearFrom: root.yearFrom,
    yearTo: root.yearTo,
    visibility: root.visibility,
    author: root.author,
    text: root.text,
    createdAt: root.createdAt,
    updatedAt: root.updatedAt,
    canEdit: mayChange(root),
    replies: replies.map((r) => toReply(r, mayChange)),
  };
}
