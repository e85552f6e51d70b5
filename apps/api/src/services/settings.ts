import { mailKindsFor, type MailKind, type Settings, type SettingsUpdate } from '@tillit/domain';
import type { Db } from '../db/database.js';
import { findRecipient, setLanguage, setOptOut } from '../db/mail-settings.js';
import { NotFoundError, ValidationError } from '../errors.js';
import { audit, type Actor } from './audit.js';
import type { SessionUser } from './auth.js';

/** "Mina inställningar": each person's language and which e-mail they want. */
export function createSettingsService(db: Db, options: { isMailOn: boolean }) {
  const read = (user: SessionUser): Settings => {
    const r = findRecipient(db, user.id);
    if (!r) throw new NotFoundError('Kontot finns inte.');
    return {
      language: r.language,
      email: r.email,
      isEmailFromProvider: r.isProviderAccount,
      isMailOn: options.isMailOn,
      mail: mailKindsFor(user.role).map((kind) => ({ kind, isOn: !r.optOuts.includes(kind) })),
    };
  };

  return {
    get: read,

    update(user: SessionUser, body: SettingsUpdate, actor: Actor): Settings {
      const offered = mailKindsFor(user.role);
      const notOffered = Object.keys(body.mail ?? {}).filter((kind) => !offered.includes(kind as MailKind));
      if (notOffered.length > 0) {
        const details = notOffered.map((kind) => ({ path: `body.mail.${kind}`, message: 'Det slaget av e-post skickas inte till din roll' }));
        throw new ValidationError(`Det slaget av e-post skickas inte till din roll: ${notOffered.join(', ')}`, details);
      }
      return db.transaction(() => {
        const before = read(user);
        if (body.language !== undefined) setLanguage(db, user.id, body.language);
        for (const [kind, isOn] of Object.entries(body.mail ?? {}) as [MailKind, boolean][]) setOptOut(db, user.id, kind, !isOn);
        const after = read(user);
        const view = (s: Settings) => ({ language: s.language, mail: Object.fromEntries(s.mail.map((m) => [m.kind, m.isOn])) });
        audit(db, actor, 'update', 'settings', user.id, view(before), view(after));
        return after;
      })();
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
