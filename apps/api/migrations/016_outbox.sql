-- E-mail from the feedback loop (docs/mail.md): each person's language and opt-outs, and the
-- outbox every message is written to in the same transaction as the event that causes it.

-- The language of the e-mail a person gets (and of Tillit, when they save it on their settings
-- page); NULL is Swedish.
ALTER TABLE users ADD COLUMN language TEXT CHECK (language IN ('sv', 'en'));

-- The kinds of message a person has turned off. Everything is on until they turn it off.
CREATE TABLE mail_opt_outs (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind    TEXT NOT NULL CHECK (kind IN ('data_need_reply', 'annotation_reply', 'data_need_digest')),
  PRIMARY KEY (user_id, kind)
);

-- One message to one person, rendered when it was written. `waiting` until the mail server has
-- accepted it (`sent`) or refused it for good (`failed`); `sending` while an attempt is under way
-- (a server that stops mid-send leaves it so, and the next start makes it `waiting` again). The
-- Message-ID is chosen here, so a message sent twice after a crash is the same message twice.
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL CHECK (kind IN ('data_need_reply', 'annotation_reply', 'data_need_digest')),
  recipient_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  to_address      TEXT NOT NULL,
  subject         TEXT NOT NULL,
  text_body       TEXT NOT NULL,
  html_body       TEXT NOT NULL,
  message_id      TEXT NOT NULL UNIQUE,
  status          TEXT NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'sending', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_attempt_at TEXT,
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  failed_at       TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_recipient ON outbox (recipient_id);

-- Erasing a person (GDPR art. 17, migration 015) takes their mail with it: the messages waiting
-- for them or kept after sending, their opt-outs and their language.
CREATE TRIGGER users_erased_mail AFTER UPDATE OF erased_at ON users
WHEN NEW.erased_at IS NOT NULL
BEGIN
  DELETE FROM outbox WHERE recipient_id = NEW.id;
  DELETE FROM mail_opt_outs WHERE user_id = NEW.id;
  UPDATE users SET language = NULL WHERE id = NEW.id;
END;
