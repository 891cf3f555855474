-- One fact per worker and campaign day: the worker took part that day. A redelivered or repeated attempt hits the
-- primary key and counts once. Worker ids are pseudonymous; names and phones never reach this service.
CREATE TABLE participation_fact (
    campaign_id    text        NOT NULL,
    worker_id      uuid        NOT NULL,
    campaign_day   date        NOT NULL,
    union_id       text        NOT NULL,
    org_id         text        NOT NULL,
    attempt_id     uuid        NOT NULL,
    correct_count  int         NOT NULL,
    question_count int         NOT NULL,
    occurred_at    timestamptz NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, worker_id, campaign_day)
);
CREATE INDEX participation_fact_by_union ON participation_fact (campaign_id, union_id, org_id);

-- One fact per completed draw. The worker's union is taken from their participation when reporting, because
-- DrawCompleted does not carry it.
CREATE TABLE draw_fact (
    draw_id     uuid        PRIMARY KEY,
    campaign_id text        NOT NULL,
    worker_id   uuid        NOT NULL,
    outcome     text        NOT NULL,
    prize_id    text,
    occurred_at timestamptz NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX draw_fact_by_worker ON draw_fact (campaign_id, worker_id);
