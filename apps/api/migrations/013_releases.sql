-- What the server has released: for each metric and year, every distinct set of figures it has
-- shown to anyone (in any response, export or summary), with the tree and the units' own figures
-- behind them. A reader may have kept what they saw, so suppression counts these as known
-- (packages/domain/src/release). Stored compressed (gzip of the JSON of a YearRelease), once per
-- distinct content.
CREATE TABLE releases (
  id          INTEGER PRIMARY KEY,
  metric_key  TEXT    NOT NULL,
  year        INTEGER NOT NULL,
  digest      TEXT    NOT NULL,
  snapshot    BLOB    NOT NULL,
  released_at TEXT    NOT NULL,
  UNIQUE (metric_key, year, digest)
);
CREATE INDEX releases_metric_year ON releases (metric_key, year, id);
