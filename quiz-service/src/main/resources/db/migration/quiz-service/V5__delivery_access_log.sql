-- Every look at winners' full contact details: who, when, which union's list, how many people it showed.
CREATE TABLE contact_access (
    id          bigserial   PRIMARY KEY,
    admin       text        NOT NULL,
    role        text        NOT NULL,
    union_id    text,
    campaign_id text        NOT NULL,
    people      int         NOT NULL,
    accessed_at timestamptz NOT NULL DEFAULT now()
);
