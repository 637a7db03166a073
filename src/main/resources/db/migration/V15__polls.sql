-- Polls that facilitators launch in a community's channels (poll/): one tally across every linked channel, on
-- Slack and Teams. Who launched a poll is not kept: the poll belongs to the community, and a facilitator who votes
-- must not be findable as its author beside an anonymous tally.
CREATE TABLE poll (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id  BIGINT      NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    -- The n° members type (/sondage clôturer 3): numbered per community, one launcher at a time.
    number        INT         NOT NULL CHECK (number >= 1),
    question      TEXT        NOT NULL CHECK (char_length(question) BETWEEN 1 AND 1000),
    anonymous     BOOLEAN     NOT NULL,
    multiple      BOOLEAN     NOT NULL,
    -- When Quartz closes it (a trigger named after this id); null: only a facilitator closes it.
    ends_at       TIMESTAMPTZ,
    -- The key of an anonymous poll's ballots (HMAC-SHA256, 32 random bytes): null for a poll that is not anonymous,
    -- and set to null when the poll closes, so that nobody can recompute whose ballot was whose afterwards.
    secret        BYTEA       CHECK (secret IS NULL OR octet_length(secret) = 32),
    created_at    TIMESTAMPTZ NOT NULL,
    -- Set once, by whichever close wins (UPDATE … WHERE closed_at IS NULL): a closed poll stays closed.
    closed_at     TIMESTAMPTZ,
    -- How many members voted, frozen at the close (an anonymous poll's ballots are deleted then).
    voters        INT         CHECK (voters IS NULL OR voters >= 0),
    CHECK (NOT anonymous OR closed_at IS NOT NULL OR secret IS NOT NULL),
    UNIQUE (community_id, number)
);
CREATE INDEX poll_open ON poll (community_id) WHERE closed_at IS NULL;

-- The answers offered, in the order they were given (position 1 to 10).
CREATE TABLE poll_option (
    poll_id   BIGINT NOT NULL REFERENCES poll (id) ON DELETE CASCADE,
    position  INT    NOT NULL CHECK (position BETWEEN 1 AND 10),
    label     TEXT   NOT NULL CHECK (char_length(label) BETWEEN 1 AND 500),
    -- The option's count frozen at the close; null while the poll is open (counted from poll_vote then).
    votes     INT    CHECK (votes IS NULL OR votes >= 0),
    PRIMARY KEY (poll_id, position)
);

-- One row per member and option chosen (a single-choice poll keeps at most one per member). For a poll that is not
-- anonymous, voter is the member's platform, workspace and id, which facilitators may see with their name. For an
-- anonymous poll, voter is only HMAC-SHA256(poll.secret, poll|platform|workspace|user) in base64, and nothing else
-- about the member is stored: enough to refuse a second ballot, not to say whose it is once the secret is gone;
-- these rows are deleted at the close, when the counts are frozen in poll_option.
CREATE TABLE poll_vote (
    poll_id       BIGINT      NOT NULL REFERENCES poll (id) ON DELETE CASCADE,
    position      INT         NOT NULL,
    voter         TEXT        NOT NULL,
    platform      TEXT        CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT,
    user_id       TEXT,
    display_name  TEXT,
    PRIMARY KEY (poll_id, voter, position),
    FOREIGN KEY (poll_id, position) REFERENCES poll_option (poll_id, position) ON DELETE CASCADE,
    CHECK ((platform IS NULL) = (user_id IS NULL) AND (user_id IS NULL) = (display_name IS NULL)
           AND (user_id IS NULL) = (workspace_id IS NULL))
);
