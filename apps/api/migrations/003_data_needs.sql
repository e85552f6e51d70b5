-- "Vilka data behöver du?": the answers that travel up to the development manager, and the
-- replies that travel back.
CREATE TABLE data_needs (
  id                INTEGER PRIMARY KEY,
  metric_key        TEXT NOT NULL REFERENCES metrics (key),
  unit_id           TEXT REFERENCES units (id),
  text              TEXT NOT NULL,
  author_id         INTEGER NOT NULL REFERENCES users (id),
  status            TEXT NOT NULL DEFAULT 'received'
                    CHECK (status IN ('received', 'considering', 'planned', 'added', 'declined')),
  reply             TEXT,
  added_metric_key  TEXT REFERENCES metrics (key),
  replied_by        INTEGER REFERENCES users (id),
  replied_at        TEXT,
  -- When the author last saw the reply; a reply after it is unread.
  author_read_at    TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  CHECK (status <> 'declined' OR reply IS NOT NULL)
);
CREATE INDEX data_needs_author ON data_needs (author_id);
CREATE INDEX data_needs_status ON data_needs (status, created_at);
