-- Every attempt a worker submitted to a known campaign, once per attempt id, whatever became of it (booked, held,
-- or not booked because it broke a rule): the "bursts" review rule counts a worker's submissions by the time quiz
-- stored them (the event's occurredAt), so a replay of the topic decides the same; a redelivered attempt under a new
-- event id finds its row and has no second effect.
CREATE TABLE submission (
    attempt_id   uuid        PRIMARY KEY,
    campaign_id  text        NOT NULL,
    worker_id    uuid        NOT NULL,
    occurred_at  timestamptz NOT NULL
);
CREATE INDEX submission_by_worker ON submission (worker_id, occurred_at);

-- What was consumed before this table existed counts as seen (its time is the best one kept).
INSERT INTO submission (attempt_id, campaign_id, worker_id, occurred_at)
    SELECT attempt_id, campaign_id, worker_id, booked_at FROM ledger_entry WHERE kind = 'ATTEMPT'
    ON CONFLICT DO NOTHING;
INSERT INTO submission (attempt_id, campaign_id, worker_id, occurred_at)
    SELECT attempt_id, campaign_id, worker_id, held_at FROM held_attempt
    ON CONFLICT DO NOTHING;
INSERT INTO submission (attempt_id, campaign_id, worker_id, occurred_at)
    SELECT attempt_id, campaign_id, worker_id, recorded_at FROM rejected_answer WHERE reason <> 'unknown-campaign'
    ON CONFLICT DO NOTHING;
