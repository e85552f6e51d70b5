-- People: accounts, their units, sessions; annotations with threads; public summary links;
-- and the audit log of every write.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('development_manager', 'unit_manager', 'politician')),
  password_hash TEXT NOT NULL,
  is_active     INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

-- The units a unit manager may write in (each with its subtree).
CREATE TABLE user_units (
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  unit_id TEXT NOT NULL REFERENCES units (id),
  PRIMARY KEY (user_id, unit_id)
);

-- Server-side sessions. Only a hash of the cookie's token is stored.
CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

-- Context on a metric for a unit and a span of years. A reply has a parent and no span.
CREATE TABLE annotations (
  id          INTEGER PRIMARY KEY,
  unit_id     TEXT NOT NULL REFERENCES units (id),
  metric_key  TEXT NOT NULL REFERENCES metrics (key),
  year_from   INTEGER NOT NULL,
  year_to     INTEGER NOT NULL,
  text        TEXT NOT NULL,
  visibility  TEXT NOT NULL CHECK (visibility IN ('internal', 'public')),
  parent_id   INTEGER REFERENCES annotations (id) ON DELETE CASCADE,
  author_id   INTEGER NOT NULL REFERENCES users (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (year_from <= year_to)
);
CREATE INDEX annotations_metric ON annotations (metric_key, unit_id);
CREATE INDEX annotations_parent ON annotations (parent_id);

-- Read-only links to the politicians' summary for people without an account.
CREATE TABLE public_links (
  id          INTEGER PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  label       TEXT NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES users (id),
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);

-- Every write: who, when, what, before and after.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  user_id     INTEGER REFERENCES users (id),
  username    TEXT,
  action      TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT,
  before_json TEXT,
  after_json  TEXT,
  request_id  TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
