-- The organisation over time. `units` keeps each unit's current parent and its period; a unit's
-- id is its code in the HR system. A move keeps the parent the unit had before it here, so that
-- figures of earlier years are summed where the unit sat then.
CREATE TABLE unit_parent_history (
  unit_id    TEXT NOT NULL REFERENCES units (id),
  parent_id  TEXT REFERENCES units (id),
  until_year INTEGER NOT NULL CHECK (until_year BETWEEN 1989 AND 2100),
  PRIMARY KEY (unit_id, until_year)
);

-- How units became other units. Merge: the predecessors (from) and the successor (to); split:
-- the unit split (from) and its successors (to); rename and move: the unit itself, both ways.
-- `year` is the first year of the new organisation.
CREATE TABLE reorganisations (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('rename', 'merge', 'split', 'move')),
  year          INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  note          TEXT,
  old_name      TEXT CHECK (kind = 'rename' OR old_name IS NULL),
  old_parent_id TEXT REFERENCES units (id),
  new_parent_id TEXT REFERENCES units (id),
  created_by    TEXT,
  created_at    TEXT NOT NULL
);

CREATE TABLE reorganisation_links (
  reorganisation_id INTEGER NOT NULL REFERENCES reorganisations (id),
  from_unit         TEXT NOT NULL REFERENCES units (id),
  to_unit           TEXT NOT NULL REFERENCES units (id),
  PRIMARY KEY (reorganisation_id, from_unit, to_unit)
);
CREATE INDEX reorganisation_links_from ON reorganisation_links (from_unit);
CREATE INDEX reorganisation_links_to ON reorganisation_links (to_unit);
