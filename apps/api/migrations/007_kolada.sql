-- Kolada reference series: published, municipality-wide figures shown next to our own metrics.
-- They are not about our persons, so they live apart from metric_values and suppression.

-- Which Kolada KPI is shown next to which metric, and what to call it. Data, editable by the
-- development manager. No foreign key to metrics: the catalogue is seeded after migrations, and
-- the service checks the metric exists on every write.
CREATE TABLE kolada_mappings (
  kpi        TEXT PRIMARY KEY,
  metric_key TEXT NOT NULL,
  label_sv   TEXT NOT NULL,
  label_en   TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX kolada_mappings_metric ON kolada_mappings (metric_key);

INSERT INTO kolada_mappings (kpi, metric_key, label_sv, label_en, updated_at) VALUES
  ('N00090', 'manager_sick_leave',
   'Sjukfrånvaro, alla anställda i kommunen (Kolada N00090)',
   'Sick leave, all municipal employees (Kolada N00090)', '2025-01-01T00:00:00.000Z'),
  ('N00216', 'staff_turnover',
   'Personalomsättning, andel tillsvidareanställda som slutat, hela kommunen (Kolada N00216)',
   'Staff turnover, share of permanent employees who left, whole municipality (Kolada N00216)', '2025-01-01T00:00:00.000Z');

-- One import of Kolada pages (a file, a fetch or the demo's example pages).
CREATE TABLE kolada_imports (
  id           INTEGER PRIMARY KEY,
  file_name    TEXT NOT NULL,
  origin       TEXT NOT NULL CHECK (origin IN ('file', 'fetch', 'demo')),
  created_by   TEXT,
  created_at   TEXT NOT NULL,
  rows_read    INTEGER NOT NULL,
  rows_written INTEGER NOT NULL,
  replaced     INTEGER NOT NULL
);

-- One figure per KPI, municipality (or unit), year and gender. A null value is a figure Kolada
-- does not give, with its status when it says why. Re-importing a year replaces that year.
CREATE TABLE kolada_values (
  kpi          TEXT NOT NULL,
  municipality TEXT,
  ou           TEXT,
  period       INTEGER NOT NULL,
  gender       TEXT NOT NULL CHECK (gender IN ('T', 'K', 'M')),
  value        REAL,
  status       TEXT,
  source       TEXT NOT NULL,
  source_url   TEXT,
  is_synthetic INTEGER NOT NULL CHECK (is_synthetic IN (0, 1)),
  imported_at  TEXT NOT NULL,
  import_id    INTEGER NOT NULL REFERENCES kolada_imports (id),
  CHECK (municipality IS NOT NULL OR ou IS NOT NULL)
);
CREATE UNIQUE INDEX kolada_values_cell
  ON kolada_values (kpi, ifnull(municipality, ''), ifnull(ou, ''), period, gender);
