-- Every row that belongs to a chat space is keyed by platform + workspace (Slack team or Teams tenant)
-- + channel (Slack channel or Teams conversation), so that several workspaces, several tenants and one
-- community spanning both need no schema change.

CREATE TABLE community (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        TEXT        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    locale      TEXT        NOT NULL,
    time_zone   TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE channel_link (
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    community_id  BIGINT      NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    linked_by     TEXT        NOT NULL,
    linked_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id)
);
CREATE INDEX channel_link_community ON channel_link (community_id);

CREATE TABLE member (
    community_id  BIGINT      NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    role          TEXT        NOT NULL CHECK (role IN ('facilitator', 'member')),
    joined_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (community_id, platform, workspace_id, user_id)
);

CREATE TABLE signal (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id  BIGINT      NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    author_id     TEXT        NOT NULL,
    author_name   TEXT        NOT NULL,
    body          TEXT        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
    themes        TEXT[]      NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX signal_community_recent ON signal (community_id, created_at DESC, id DESC);
CREATE INDEX signal_themes ON signal USING GIN (themes);

-- Where the bot can post proactively in Teams (reminders, digests): the Bot Framework ConversationReference.
CREATE TABLE conversation_reference (
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    reference     JSONB       NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id)
);
