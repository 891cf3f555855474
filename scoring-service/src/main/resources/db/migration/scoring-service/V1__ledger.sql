-- One entry per attempt; at most one attempt per worker and campaign day.
CREATE TABLE ledger_entry (
    id             bigserial PRIMARY KEY,
    campaign_id    text        NOT NULL,
    worker_id      uuid        NOT NULL,
    attempt_id     uuid        NOT NULL UNIQUE,
    campaign_day   date        NOT NULL,
    points         int         NOT NULL CHECK (points >= 0),
    correct_count  int         NOT NULL,
    question_count int         NOT NULL,
    reason         text        NOT NULL,
    booked_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, worker_id, campaign_day)
);

-- A worker's total, kept equal to the sum of their entries in the same transaction.
CREATE TABLE points_total (
    campaign_id text        NOT NULL,
    worker_id   uuid        NOT NULL,
    total       int         NOT NULL CHECK (total >= 0),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, worker_id)
);

-- Submissions that were not booked because they break the rules, kept for review.
CREATE TABLE rejected_answer (
    event_id     uuid        PRIMARY KEY,
    campaign_id  text        NOT NULL,
    worker_id    uuid        NOT NULL,
    attempt_id   uuid        NOT NULL,
    reason       text        NOT NULL,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
