-- "Je m'en empare" on a whole theme: a member prepares it for the next session.
CREATE TABLE theme_claim (
    community_id  BIGINT      NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    theme         TEXT        NOT NULL CHECK (char_length(theme) BETWEEN 1 AND 40),
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    claimed_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (community_id, theme, platform, workspace_id, user_id)
);
