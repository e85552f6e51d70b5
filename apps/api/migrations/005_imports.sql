-- Imports of values from files. Each import is a batch; each value it wrote keeps the value it
-- replaced (or none), so that the batch can be undone exactly.
CREATE TABLE import_batches (
  id           INTEGER PRIMARY KEY,
  file_name    TEXT NOT NULL,
  created_by   TEXT,
  created_at   TEXT NOT NULL,
  rows_read    INTEGER NOT NULL,
  rows_written INTEGER NOT NULL,
  undone_at    TEXT
);

CREATE TABLE import_batch_values (
  batch_id          INTEGER NOT NULL REFERENCES import_batches (id),
  unit_id           TEXT NOT NULL,
  metric_key        TEXT NOT NULL,
  year              INTEGER NOT NULL,
  had_old           INTEGER NOT NULL CHECK (had_old IN (0, 1)),
  old_numerator_c   INTEGER,
  old_denominator_c INTEGER,
  old_group_size    INTEGER,
  old_source_id     INTEGER REFERENCES sources (id),
  old_batch_id      INTEGER REFERENCES import_batches (id),
  new_numerator_c   INTEGER NOT NULL,
  new_denominator_c INTEGER NOT NULL,
  PRIMARY KEY (batch_id, unit_id, metric_key, year)
);

-- Which batch a value came from; null for values written otherwise (seed, demo).
ALTER TABLE metric_values ADD COLUMN batch_id INTEGER REFERENCES import_batches (id);
