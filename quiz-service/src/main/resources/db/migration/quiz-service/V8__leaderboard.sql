-- Whether the worker appears on the leaderboards (with a masked name). Shown by default; the worker can opt out,
-- and back in, at any time. Their own rank is always shown to them.
ALTER TABLE worker ADD COLUMN on_leaderboard boolean NOT NULL DEFAULT true;
CREATE INDEX balance_board ON balance (campaign_id, total DESC);
