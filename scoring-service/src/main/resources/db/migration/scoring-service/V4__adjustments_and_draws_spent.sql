-- The ledger holds two kinds of entry: a booked attempt (one per attempt, at most one per worker and campaign day)
-- and an admin's adjustment (points added or taken away, with who and why). Every entry records the total and the
-- total's sequence right after it, so a worker's history reads as a statement.
ALTER TABLE ledger_entry ADD COLUMN kind text NOT NULL DEFAULT 'ATTEMPT' CHECK (kind IN ('ATTEMPT', 'ADJUSTMENT'));
ALTER TABLE ledger_entry ADD COLUMN adjustment_id uuid UNIQUE;
ALTER TABLE ledger_entry ADD COLUMN made_by text;
ALTER TABLE ledger_entry ADD COLUMN total_after int;
ALTER TABLE ledger_entry ADD COLUMN sequence bigint;
ALTER TABLE ledger_entry ALTER COLUMN attempt_id DROP NOT NULL;
ALTER TABLE ledger_entry ALTER COLUMN correct_count DROP NOT NULL;
ALTER TABLE ledger_entry ALTER COLUMN question_count DROP NOT NULL;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_points_check;
ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_campaign_id_worker_id_campaign_day_key;
CREATE UNIQUE INDEX ledger_entry_one_attempt_a_day ON ledger_entry (campaign_id, worker_id, campaign_day)
    WHERE kind = 'ATTEMPT';
CREATE INDEX ledger_entry_by_worker ON ledger_entry (campaign_id, worker_id, id);
ALTER TABLE ledger_entry ADD CONSTRAINT ledger_entry_kind_fields CHECK (
    (kind = 'ATTEMPT' AND attempt_id IS NOT NULL AND adjustment_id IS NULL AND points >= 0
        AND correct_count IS NOT NULL AND question_count IS NOT NULL)
    OR (kind = 'ADJUSTMENT' AND attempt_id IS NULL AND adjustment_id IS NOT NULL AND made_by IS NOT NULL
        AND points <> 0));

-- Draws the worker has used, from lottery-service's DrawCompleted (a prize or no prize; a rejected draw uses none),
-- once per draw id: an adjustment may never take the total below draws used x points per draw.
CREATE TABLE draw_spent (
    draw_id     uuid        PRIMARY KEY,
    campaign_id text        NOT NULL,
    worker_id   uuid        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX draw_spent_by_worker ON draw_spent (campaign_id, worker_id);

-- The worker's union and grassroots organisation as of their latest booked attempt, for the leaderboards.
ALTER TABLE points_total ADD COLUMN union_id text;
ALTER TABLE points_total ADD COLUMN org_id text;
CREATE INDEX points_total_board ON points_total (campaign_id, total DESC);
CREATE INDEX points_total_union_board ON points_total (campaign_id, union_id, total DESC);
