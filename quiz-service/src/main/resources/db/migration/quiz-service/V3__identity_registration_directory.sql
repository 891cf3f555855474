-- Sign-in identities and registration. Personal data is sealed (AES-GCM) and found again only through keyed
-- hashes: the database never holds a phone number, name or WeChat openid in the clear.
ALTER TABLE worker ALTER COLUMN union_id DROP NOT NULL;
ALTER TABLE worker ALTER COLUMN org_id DROP NOT NULL;
ALTER TABLE worker
    ADD COLUMN openid_hash     bytea UNIQUE,
    ADD COLUMN phone_hash      bytea UNIQUE,
    ADD COLUMN phone_sealed    bytea,
    ADD COLUMN name_sealed     bytea,
    ADD COLUMN consent_version text,
    ADD COLUMN registered_at   timestamptz;
-- workers of the walking skeleton were registered when they signed in
UPDATE worker SET registered_at = created_at WHERE union_id IS NOT NULL;

-- One-time sign-in codes, one live code per phone.
CREATE TABLE phone_code (
    phone_hash  bytea       PRIMARY KEY,
    code_hash   bytea       NOT NULL,
    expires_at  timestamptz NOT NULL,
    failures    int         NOT NULL DEFAULT 0,
    sent_at     timestamptz NOT NULL,
    sent_on     date        NOT NULL,
    sent_count  int         NOT NULL
);

-- The grassroots union organisations of each union, chosen at registration.
CREATE TABLE organisation (
    id         text        PRIMARY KEY,
    union_id   text        NOT NULL,
    name       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (union_id, name)
);
