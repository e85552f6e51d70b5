-- Targets with a history: committees decide a target per year, so a past year keeps the verdict
-- of the target in force then. Each row applies from its year until the next row's. The
-- metrics table's target_min/target_max stay the newest target (what applies now).
CREATE TABLE metric_targets (
  metric_key      TEXT NOT NULL REFERENCES metrics (key) ON DELETE CASCADE,
  valid_from_year INTEGER NOT NULL CHECK (valid_from_year BETWEEN 1990 AND 2100),
  -- Both NULL: no target from this year on.
  target_min      REAL,
  target_max      REAL,
  changed_by      TEXT,
  changed_at      TEXT NOT NULL,
  PRIMARY KEY (metric_key, valid_from_year)
);

-- The targets set so far applied to every year: they become valid from the earliest year the
-- product knows (1990). A metric without rows here has one target for all years.
INSERT INTO metric_targets (metric_key, valid_from_year, target_min, target_max, changed_by, changed_at)
SELECT key, 1990, target_min, target_max, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  FROM metrics WHERE target_min IS NOT NULL OR target_max IS NOT NULL;

-- Years the development manager has marked final for a metric although not every expected unit
-- has reported (a unit that will not report that year): the figure counts as the whole year's.
CREATE TABLE final_years (
  metric_key TEXT NOT NULL REFERENCES metrics (key) ON DELETE CASCADE,
  year       INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  marked_by  TEXT,
  marked_at  TEXT NOT NULL,
  PRIMARY KEY (metric_key, year)
);
