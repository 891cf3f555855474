-- The question bank with its keys. A removed question is retired, not deleted: papers pinned to it and the
-- attempts that graded it keep resolving its id.
CREATE TABLE question (
    id           text        PRIMARY KEY,
    position     int         NOT NULL,
    category     text        NOT NULL,
    type         text        NOT NULL,
    stem         text        NOT NULL,
    option_keys  text[]      NOT NULL,
    option_texts text[]      NOT NULL,
    answer       text[]      NOT NULL,
    explanation  text        NOT NULL,
    basis        text        NOT NULL,
    retired_at   timestamptz,
    updated_at   timestamptz NOT NULL,
    CHECK (cardinality(option_keys) = cardinality(option_texts))
);

-- One row: the bank's version, raised by every import that changes something. Instances compare it with the
-- version of their in-memory copy to pick up another instance's import.
CREATE TABLE question_bank (
    singleton  boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    version    bigint      NOT NULL,
    updated_at timestamptz NOT NULL,
    updated_by text        NOT NULL
);
INSERT INTO question_bank (version, updated_at, updated_by) VALUES (0, now(), 'migration');

-- A paper is pinned when first shown: its questions and the bank version they were drawn from. Grading reads the
-- pinned questions, so an import during the day never changes a paper already shown. Rows from before this
-- migration have neither and are drawn again as before.
ALTER TABLE paper_issue ADD COLUMN question_ids text[];
ALTER TABLE paper_issue ADD COLUMN bank_version bigint;
