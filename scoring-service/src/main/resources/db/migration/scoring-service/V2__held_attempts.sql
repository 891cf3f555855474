-- Attempts held for review instead of booked (answered implausibly fast), and how each review ended.
CREATE TABLE held_attempt (
    attempt_id  uuid        PRIMARY KEY,
    campaign_id text        NOT NULL,
    worker_id   uuid        NOT NULL,
    union_id    text,
    reason      text        NOT NULL,
    event       text        NOT NULL,
    held_at     timestamptz NOT NULL DEFAULT now(),
    decision    text        CHECK (decision IN ('RELEASED', 'REJECTED')),
    decided_by  text,
    decided_why text,
    decided_at  timestamptz
);
CREATE INDEX held_attempt_open ON held_attempt (campaign_id, held_at) WHERE decision IS NULL;
