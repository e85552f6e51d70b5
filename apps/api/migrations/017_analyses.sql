-- The development manager's analysis of a metric for a unit and a year (issue 14): the text the
-- committee reads. One row per unit, metric and year; every save is a version of its own, so the
-- earlier texts are kept (shown as history) and the published one stays what the summary shows
-- while a newer draft is written.
CREATE TABLE analyses (
  id          INTEGER PRIMARY KEY,
  unit_id     TEXT NOT NULL REFERENCES units (id),
  metric_key  TEXT NOT NULL REFERENCES metrics (key),
  year        INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  created_at  TEXT NOT NULL,
  UNIQUE (unit_id, metric_key, year)
);

CREATE TABLE analysis_versions (
  id           INTEGER PRIMARY KEY,
  analysis_id  INTEGER NOT NULL REFERENCES analyses (id),
  version      INTEGER NOT NULL CHECK (version >= 1),
  text         TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
  -- By account id: erasing the writer (GDPR art. 17) leaves the tombstone's name here.
  written_by   INTEGER NOT NULL REFERENCES users (id),
  written_at   TEXT NOT NULL,
  UNIQUE (analysis_id, version)
);
CREATE INDEX analysis_versions_status ON analysis_versions (analysis_id, status, version);
