-- Each change of a worker's total (a booked attempt, an adjustment) counts one up, under the total's row lock, and
-- PointsAwarded carries it: consumers keep the figures of the highest sequence, so totals may also go down.
ALTER TABLE points_total ADD COLUMN sequence bigint NOT NULL DEFAULT 0;
UPDATE points_total t SET sequence = (SELECT count(*) FROM ledger_entry e
    WHERE e.campaign_id = t.campaign_id AND e.worker_id = t.worker_id);
