-- Draws earned (from PointsAwarded, the largest seen wins) and draws used, per worker and campaign. A worker's row
-- is locked (SELECT ... FOR UPDATE) by every draw and entitlement change of that worker, so they serialise.
CREATE TABLE entitlement (
    campaign_id  text        NOT NULL,
    worker_id    uuid        NOT NULL,
    draws_earned int         NOT NULL DEFAULT 0 CHECK (draws_earned >= 0),
    draws_used   int         NOT NULL DEFAULT 0 CHECK (draws_used >= 0),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, worker_id),
    CONSTRAINT draws_within_entitlement CHECK (draws_used <= draws_earned)
);

-- A campaign's prize pool: the weight of the no-prize outcome ("谢谢参与") and its prizes with their inventory.
CREATE TABLE prize_pool (
    campaign_id     text PRIMARY KEY,
    no_prize_weight int  NOT NULL CHECK (no_prize_weight >= 0)
);

CREATE TABLE prize (
    campaign_id text NOT NULL REFERENCES prize_pool (campaign_id),
    prize_id    text NOT NULL,
    position    int  NOT NULL,
    name        text NOT NULL,
    weight      int  NOT NULL CHECK (weight > 0),
    quantity    int  NOT NULL CHECK (quantity >= 0),
    stock_left  int  NOT NULL CHECK (stock_left >= 0),
    PRIMARY KEY (campaign_id, prize_id),
    CHECK (stock_left <= quantity)
);

-- Each campaign's secret seed; its commitment (hex SHA-256 of the seed) is public before any draw.
CREATE TABLE fairness_seed (
    campaign_id text        PRIMARY KEY,
    seed        bytea       NOT NULL CHECK (length(seed) = 32),
    commitment  text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Every requested draw, once per draw id. PENDING waits for an entitlement; the others are final.
CREATE TABLE draw (
    draw_id          uuid        PRIMARY KEY,
    campaign_id      text        NOT NULL,
    worker_id        uuid        NOT NULL,
    draw_number      int         NOT NULL,
    union_id         text,
    org_id           text,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'PRIZE', 'NO_PRIZE', 'REJECTED')),
    prize_id         text,
    prize_name       text,
    rejection_reason text,
    seed_commitment  text,
    draw_hmac        text,
    log_hash         text,
    requested_at     timestamptz NOT NULL,
    received_at      timestamptz NOT NULL,
    completed_at     timestamptz,
    CHECK ((status = 'PENDING') = (completed_at IS NULL)),
    CHECK ((status = 'PRIZE') = (prize_id IS NOT NULL))
);
CREATE INDEX draw_pending_by_worker ON draw (campaign_id, worker_id, draw_number) WHERE status = 'PENDING';
CREATE INDEX draw_pending_by_age ON draw (received_at) WHERE status = 'PENDING';

-- The hash-chained log of performed draws, one chain per campaign:
-- hash = hex SHA-256(UTF-8 of previous_hash|draw_id|draw_hmac|outcome|prize_id), prize_id empty for no prize,
-- previous_hash of the first entry = 64 zeros. The head row holds the chain's end and is locked by each draw.
CREATE TABLE draw_log_head (
    campaign_id text   PRIMARY KEY,
    last_seq    bigint NOT NULL,
    last_hash   text   NOT NULL
);

CREATE TABLE draw_log (
    campaign_id   text        NOT NULL,
    seq           bigint      NOT NULL,
    draw_id       uuid        NOT NULL UNIQUE,
    worker_id     uuid        NOT NULL,
    draw_hmac     text        NOT NULL,
    outcome       text        NOT NULL CHECK (outcome IN ('PRIZE', 'NO_PRIZE')),
    prize_id      text,
    previous_hash text        NOT NULL,
    hash          text        NOT NULL UNIQUE,
    logged_at     timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, seq)
);
