-- The names members go by, kept by their id (chat/People): on Slack the display name users.info gives (else the
-- real name, else the handle), fetched when a card that names the member is drawn and again at the first draw a
-- day later. Rows that store a name with what a member did (signal.author_name, signal_claim.display_name…) keep the
-- name of that moment; cards drawn when sent look the name up here by the member's id.
CREATE TABLE member_name (
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    name          TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    fetched_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, workspace_id, user_id)
);
