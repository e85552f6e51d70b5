-- The organisation tree. Units are never deleted: a closed unit gets valid_to and keeps its history.
CREATE TABLE units (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('organisation', 'department', 'area', 'unit')),
  parent_id  TEXT REFERENCES units (id),
  valid_from TEXT,
  valid_to   TEXT,
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX units_parent ON units (parent_id);

CREATE TABLE principles (
  key            TEXT PRIMARY KEY,
  name_sv        TEXT NOT NULL,
  name_en        TEXT NOT NULL,
  description_sv TEXT NOT NULL,
  description_en TEXT NOT NULL,
  sort_order     INTEGER NOT NULL
);

CREATE TABLE metrics (
  key                   TEXT PRIMARY KEY,
  name_sv               TEXT NOT NULL,
  name_en               TEXT NOT NULL,
  definition_sv         TEXT NOT NULL,
  definition_en         TEXT NOT NULL,
  numerator_sv          TEXT NOT NULL,
  numerator_en          TEXT NOT NULL,
  denominator_sv        TEXT NOT NULL,
  denominator_en        TEXT NOT NULL,
  numerator_kind        TEXT NOT NULL CHECK (numerator_kind IN ('persons', 'hours', 'count')),
  denominator_kind      TEXT NOT NULL CHECK (denominator_kind IN ('persons', 'hours', 'count')),
  scale                 TEXT NOT NULL CHECK (scale IN ('percent', 'ratio')),
  unit_label_sv         TEXT,
  unit_label_en         TEXT,
  decimals              INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 3),
  good_direction        TEXT NOT NULL CHECK (good_direction IN ('lower', 'higher', 'neutral')),
  target_min            REAL,
  target_max            REAL,
  sensitivity           TEXT NOT NULL CHECK (sensitivity IN ('none', 'personal', 'health')),
  suppression_threshold INTEGER CHECK (suppression_threshold IS NULL OR suppression_threshold >= 1),
  prompt_sv             TEXT NOT NULL,
  prompt_en             TEXT NOT NULL,
  definition_source     TEXT,
  sort_order            INTEGER NOT NULL
);

CREATE TABLE metric_principles (
  metric_key    TEXT NOT NULL REFERENCES metrics (key) ON DELETE CASCADE,
  principle_key TEXT NOT NULL REFERENCES principles (key) ON DELETE CASCADE,
  PRIMARY KEY (metric_key, principle_key)
);

-- Where figures come from. Synthetic demo data is marked as such and shown so.
CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE,
  url          TEXT,
  is_synthetic INTEGER NOT NULL CHECK (is_synthetic IN (0, 1))
);

-- Numerator and denominator are stored exactly, in hundredths (hours may carry decimals).
CREATE TABLE metric_values (
  unit_id       TEXT NOT NULL REFERENCES units (id),
  metric_key    TEXT NOT NULL REFERENCES metrics (key),
  year          INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  numerator_c   INTEGER NOT NULL CHECK (numerator_c >= 0),
  denominator_c INTEGER NOT NULL CHECK (denominator_c > 0),
  group_size    INTEGER CHECK (group_size IS NULL OR group_size >= 0),
  source_id     INTEGER NOT NULL REFERENCES sources (id),
  PRIMARY KEY (unit_id, metric_key, year)
);
CREATE INDEX metric_values_metric ON metric_values (metric_key, year);

-- Figures an organisation has published for a unit as a whole, with their source. When the
-- computed value matches, the point carries this source instead of its parts' sources.
CREATE TABLE published_figures (
  unit_id    TEXT NOT NULL REFERENCES units (id),
  metric_key TEXT NOT NULL REFERENCES metrics (key),
  year       INTEGER NOT NULL,
  value      REAL NOT NULL,
  source_id  INTEGER NOT NULL REFERENCES sources (id),
  PRIMARY KEY (unit_id, metric_key, year)
);

CREATE TABLE app_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
