-- Workers, known in events only by this pseudonymous id.
CREATE TABLE worker (
    id          uuid        PRIMARY KEY,
    union_id    text        NOT NULL,
    org_id      text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- When a worker first saw a day's paper: the start of their answering time.
CREATE TABLE paper_issue (
    campaign_id  text        NOT NULL,
    worker_id    uuid        NOT NULL REFERENCES worker (id),
    campaign_day date        NOT NULL,
    issued_at    timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, worker_id, campaign_day)
);

-- One attempt per worker and campaign day, enforced here and nowhere else.
CREATE TABLE attempt (
    id              uuid        PRIMARY KEY,
    campaign_id     text        NOT NULL,
    worker_id       uuid        NOT NULL REFERENCES worker (id),
    campaign_day    date        NOT NULL,
    idempotency_key text        NOT NULL,
    correct_count   int         NOT NULL,
    question_count  int         NOT NULL,
    graded          text        NOT NULL,
    submitted_at    timestamptz NOT NULL,
    UNIQUE (campaign_id, worker_id, campaign_day)
);

-- The worker's points as scoring-service last announced them.
CREATE TABLE balance (
    campaign_id  text        NOT NULL,
    worker_id    uuid        NOT NULL,
    total        int         NOT NULL,
    draws_earned int         NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, worker_id)
);

-- Draws the worker asked for, and their outcome once lottery-service announced it.
CREATE TABLE draw (
    draw_id      uuid        PRIMARY KEY,
    campaign_id  text        NOT NULL,
    worker_id    uuid        NOT NULL REFERENCES worker (id),
    draw_number  int         NOT NULL CHECK (draw_number > 0),
    status       text        NOT NULL,
    prize_id     text,
    prize_name   text,
    reason       text,
    requested_at timestamptz NOT NULL,
    completed_at timestamptz,
    UNIQUE (campaign_id, worker_id, draw_number)
);
