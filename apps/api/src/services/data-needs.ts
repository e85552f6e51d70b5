import {
  can,
  DATA_NEED_STATUSES,
  daysBetween,
  median,
  OPEN_STATUSES,
  type DataNeed,
  type DataNeedCreate,
  type DataNeedStats,
  type DataNeedStatus,
  type DataNeedUpdate,
} from '@tillit/domain';
import type { Db } from '../db/database.js';
import {
  dataNeedTimes,
  findDataNeed,
  insertDataNeed,
  listDataNeeds,
  markDataNeedRead,
  updateDataNeedReply,
  type DataNeedRow,
} from '../db/data-needs.js';
import { ForbiddenError, NotFoundError } from '../errors.js';
import type { SessionUser } from './auth.js';
import { audit, type Actor } from './audit.js';
import type { CatalogueService } from './catalogue.js';
import type { MailNotifier } from './mail-notify.js';
import type { UnitService } from './units.js';

function toDataNeed(r: DataNeedRow, viewer: SessionUser): DataNeed {
  const isOwn = r.authorId === viewer.id;
  return {
    id: r.id,
    metricKey: r.metricKey,
    unitId: r.unitId,
    text: r.text,
    author: { username: r.authorUsername, displayName: r.authorDisplayName },
    status: r.status,
    reply: r.reply,
    addedMetricKey: r.addedMetricKey,
    repliedBy: r.repliedBy,
    repliedAt: r.repliedAt,
    createdAt: r.createdAt,
    isUnread: isOwn && r.repliedAt !== null && (r.authorReadAt === null || r.authorReadAt < r.repliedAt),
    isOwn,
  };
}

/**
 * The feedback loop of "Vilka data behöver du?": anyone signed in asks, the development manager
 * sees every question, marks what becomes of it and replies, and the asker sees the reply.
 */
export function createDataNeedService(db: Db, deps: { catalogue: CatalogueService; units: UnitService; mail?: MailNotifier | null }) {
  const require = (id: number): DataNeedRow => {
    const row = findDataNeed(db, id);
    if (!row) throw new NotFoundError(`Frågan ${id} finns inte.`);
    return row;
  };

  return {
    create(input: DataNeedCreate, user: SessionUser, actor: Actor): { id: number } {
      deps.catalogue.requireMetric(input.metricKey, 'body.metricKey');
      if (input.unitId !== undefined) deps.units.requireUnit(input.unitId, 'body.unitId');
      return db.transaction(() => {
        const id = insertDataNeed(
          db,
          { metricKey: input.metricKey, unitId: input.unitId ?? null, text: input.text, authorId: user.id },
          new Date().toISOString(),
        );
        audit(db, actor, 'create', 'data_need', id, null, { metricKey: input.metricKey, unitId: input.unitId ?? null, text: input.text });
        return { id };
      })();
    },

    /** The development manager sees every question (or only their own with `mine`); others their own. */
    list(
      user: SessionUser,
      q: { status?: DataNeedStatus; metric?: string; unit?: string; olderThanDays?: number; mine?: boolean },
    ): DataNeed[] {
      const seesAll = can(user.role, 'administer') && !q.mine;
      const createdBefore =
        q.olderThanDays === undefined ? undefined : new Date(Date.now() - q.olderThanDays * 86_400_000).toISOString();
      return listDataNeeds(db, {
        authorId: seesAll ? undefined : user.id,
        status: q.status,
        metricKey: q.metric,
        unitId: q.unit,
        createdBefore,
      }).map((r) => toDataNeed(r, user));
    },

    reply(id: number, input: DataNeedUpdate, user: SessionUser, actor: Actor): DataNeed {
      if (input.addedMetricKey !== undefined) deps.catalogue.requireMetric(input.addedMetricKey, 'body.addedMetricKey');
      return db.transaction(() => {
        const before = require(id);
        updateDataNeedReply(
          db,
          id,
          {
            status: input.status,
            reply: input.reply && input.reply.length > 0 ? input.reply : before.reply,
            addedMetricKey: input.addedMetricKey ?? (input.status === 'added' ? before.addedMetricKey : null),
            repliedBy: user.id,
          },
          new Date().toISOString(),
        );
        const after = require(id);
        audit(db, actor, 'reply', 'data_need', id, { status: before.status, reply: before.reply }, { status: after.status, reply: after.reply });
        // The asker hears of it by e-mail (docs/mail.md): the message is written with the reply, or not at all.
        deps.mail?.dataNeedAnswered(before, after, user);
        return toDataNeed(after, user);
      })();
    },

    /**
     * The author has seen the reply: the unread marker goes away. Someone who may not see the
     * question gets the same 404 as for a missing one, so ids cannot be probed; the development
     * manager, who sees every question, is told why not.
     */
    markRead(id: number, user: SessionUser): void {
      const row = findDataNeed(db, id);
      if (!row || (row.authorId !== user.id && !can(user.role, 'administer'))) throw new NotFoundError(`Frågan ${id} finns inte.`);
      if (row.authorId !== user.id) throw new ForbiddenError('Bara den som frågade kan markera svaret som läst.');
      markDataNeedRead(db, id, new Date().toISOString());
    },

    /** How the loop itself is doing: open questions and the median days to a reply. */
    stats(): DataNeedStats {
      const rows = dataNeedTimes(db);
      const byStatus = Object.fromEntries(DATA_NEED_STATUSES.map((s) => [s, 0])) as Record<DataNeedStatus, number>;
      for (const r of rows) byStatus[r.status]++;
      return {
        total: rows.length,
        open: rows.filter((r) => OPEN_STATUSES.includes(r.status)).length,
        unanswered: rows.filter((r) => r.repliedAt === null).length,
        medianDaysToReply: median(rows.filter((r) => r.repliedAt !== null).map((r) => daysBetween(r.createdAt, r.repliedAt!))),
        byStatus,
      };
    },
  };
}
export type DataNeedService = ReturnType<typeof createDataNeedService>;
