-- The sequence of the newest PointsAwarded applied: a newer one sets the balance (also downwards, after an admin's
-- adjustment); schema-1 events (no sequence, totals only grew) keep the larger figures.
ALTER TABLE balance ADD COLUMN points_sequence bigint NOT NULL DEFAULT 0;
