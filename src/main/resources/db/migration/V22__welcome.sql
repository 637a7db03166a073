-- When the bot last said hello in a channel (welcome/): written in the transaction of the welcome's outbox row, so
-- that a channel is welcomed once, whichever replica, restart or redelivered event comes first, and again only
-- when the bot is added back after a day.
CREATE TABLE welcomed_channel (
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    welcomed_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (platform, workspace_id, channel_id)
);

-- /pulse accueil-membres off|on: whether a member who joins one of the community's channels is told, privately,
-- what the community is. A community without a row has the default: yes.
CREATE TABLE welcome_settings (
    community_id    BIGINT  PRIMARY KEY REFERENCES community (id) ON DELETE CASCADE,
    welcome_members BOOLEAN NOT NULL
);

-- A member's home (Slack's App Home tab), published again through the outbox: drawn when sent, retried and paced.
ALTER TABLE outbox DROP CONSTRAINT outbox_op_check;
ALTER TABLE outbox ADD CONSTRAINT outbox_op_check CHECK (op IN ('post', 'update', 'notify', 'home'));
