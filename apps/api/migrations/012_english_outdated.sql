-- English texts of a metric that no longer say what the Swedish says: the Swedish text was changed
-- and the English one was not. A row per metric and text; it goes when the English text is saved
-- (or confirmed), and with the metric.
CREATE TABLE metric_english_outdated (
  metric_key TEXT NOT NULL REFERENCES metrics (key) ON DELETE CASCADE,
  field TEXT NOT NULL CHECK (field IN ('name', 'definition', 'numerator', 'denominator', 'unitLabel', 'prompt')),
  since TEXT NOT NULL,
  PRIMARY KEY (metric_key, field)
);
