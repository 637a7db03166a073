-- The shared watch: resources beside signals, +1s, claims, session flags, invitations between channels and
-- each community's digest settings.

-- When the weekly digest goes out, in the community's time zone (ISO day of week, 1 = Monday).
ALTER TABLE community
    ADD COLUMN digest_day     SMALLINT NOT NULL DEFAULT 1 CHECK (digest_day BETWEEN 1 AND 7),
    ADD COLUMN digest_time    TIME     NOT NULL DEFAULT '09:00',
    ADD COLUMN digest_enabled BOOLEAN  NOT NULL DEFAULT TRUE;

-- A resource of the shared watch is a signal with a link; its comment may be empty.
ALTER TABLE signal DROP CONSTRAINT signal_body_check;
ALTER TABLE signal
    ADD COLUMN kind        TEXT NOT NULL DEFAULT 'signal' CHECK (kind IN ('signal', 'resource')),
    ADD COLUMN link        TEXT CHECK (link IS NULL OR char_length(link) BETWEEN 1 AND 2000),
    ADD COLUMN message_id  TEXT,
    ADD COLUMN flagged_by  TEXT,
    ADD COLUMN flagged_at  TIMESTAMPTZ,
    ADD CONSTRAINT signal_body_length CHECK (char_length(body) <= 2000),
    ADD CONSTRAINT signal_has_content CHECK (kind = 'resource' OR char_length(body) >= 1),
    ADD CONSTRAINT resource_has_link CHECK (kind = 'signal' OR link IS NOT NULL);
CREATE INDEX signal_flagged ON signal (community_id, flagged_at) WHERE flagged_at IS NOT NULL;

-- "Je le vois aussi": one per member and signal; clicking again takes it back.
CREATE TABLE signal_vote (
    signal_id     BIGINT      NOT NULL REFERENCES signal (id) ON DELETE CASCADE,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    voted_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (signal_id, platform, workspace_id, user_id)
);

-- "Je m'en empare": a member prepares the topic for the next session.
CREATE TABLE signal_claim (
    signal_id     BIGINT      NOT NULL REFERENCES signal (id) ON DELETE CASCADE,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    claimed_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (signal_id, platform, workspace_id, user_id)
);

-- One-time codes that link another channel (Slack or Teams) to an existing community. Only a hash is kept.
CREATE TABLE invite (
    code_hash     TEXT        PRIMARY KEY,
    community_id  BIGINT      NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ,
    used_in       TEXT
);
CREATE INDEX invite_community ON invite (community_id);
