-- Whether a metric's value is a share that cannot exceed 100 % (sick leave, tenure) or a rate
-- that can (turnover: two leavers of one average manager position make 200 %). Import checks
-- and the privacy rules (a hidden share pinned at 100 %) read it from the catalogue.
ALTER TABLE metrics ADD COLUMN bounded INTEGER NOT NULL DEFAULT 1 CHECK (bounded IN (0, 1));
UPDATE metrics SET bounded = 0
 WHERE key IN ('staff_per_manager', 'manager_turnover_external', 'staff_turnover', 'manager_mobility_internal');
