-- Pools now come from the campaign definition (or a province admin, until the campaign's first draw) and say how each
-- prize's quantity is released over the campaign days and what a draw that lands on a prize with nothing available
-- gets. Pools stocked before this version came from settings: all at once, drawn again over what is left.
ALTER TABLE prize_pool
    ADD COLUMN when_out_of_stock text NOT NULL DEFAULT 'DRAW_AGAIN' CHECK (when_out_of_stock IN ('NO_PRIZE', 'DRAW_AGAIN')),
    ADD COLUMN release           text NOT NULL DEFAULT 'ALL_AT_ONCE' CHECK (release IN ('ALL_AT_ONCE', 'DAILY')),
    ADD COLUMN source            text NOT NULL DEFAULT 'CAMPAIGN' CHECK (source IN ('CAMPAIGN', 'ADMIN')),
    ADD COLUMN replaced_by       text,
    ADD COLUMN replaced_at       timestamptz;

-- What one unit is worth, in yuan; null when the campaign does not say.
ALTER TABLE prize ADD COLUMN value numeric(12, 2) CHECK (value >= 0);

-- The campaign day (1 = the first day, in the campaign's time zone) each draw was performed on. It is part of the
-- entry's hash: hex SHA-256(UTF-8 of previous_hash|draw_id|draw_hmac|outcome|prize_id|day). Null only for entries
-- logged before days were, whose hash leaves "|day" out. The head keeps the last day so days never go back.
ALTER TABLE draw_log ADD COLUMN day int CHECK (day >= 1);
ALTER TABLE draw_log_head ADD COLUMN last_day int NOT NULL DEFAULT 0;

-- Every prize draw's redemption code (兑奖码), a bearer secret the winner shows to collect the prize.
ALTER TABLE draw ADD COLUMN redemption_code text;
CREATE UNIQUE INDEX draw_redemption_code ON draw (redemption_code);
CREATE INDEX draw_prizes_by_union ON draw (campaign_id, union_id, completed_at) WHERE status = 'PRIZE';

-- A prize handed over, once per draw: who recorded it, when, how (by draw id or by the code the winner showed).
CREATE TABLE prize_delivery (
    draw_id      uuid        PRIMARY KEY REFERENCES draw (draw_id),
    delivered_at timestamptz NOT NULL,
    delivered_by text        NOT NULL,
    role         text        NOT NULL,
    via          text        NOT NULL CHECK (via IN ('DRAW_ID', 'REDEMPTION_CODE')),
    note         text        CHECK (length(note) <= 500)
);
