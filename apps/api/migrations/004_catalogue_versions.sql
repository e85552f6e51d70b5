-- The versions of a metric's definition. A definition may change (a new way of counting), and
-- a trend that crosses the change must say so: each version applies from a year on.
CREATE TABLE metric_definition_versions (
  metric_key        TEXT NOT NULL REFERENCES metrics (key) ON DELETE CASCADE,
  version           INTEGER NOT NULL CHECK (version >= 1),
  valid_from_year   INTEGER NOT NULL,
  definition_sv     TEXT NOT NULL,
  definition_en     TEXT NOT NULL,
  numerator_sv      TEXT NOT NULL,
  numerator_en      TEXT NOT NULL,
  denominator_sv    TEXT NOT NULL,
  denominator_en    TEXT NOT NULL,
  changed_by        TEXT,
  changed_at        TEXT NOT NULL,
  note              TEXT,
  PRIMARY KEY (metric_key, version)
);
