-- What the bot owes a channel or a member, written in the same transaction as the change that causes it and
-- sent by the dispatcher (delivery/). A row names what to show (kind + subject), not the rendered message; only
-- notices and replies, which are not drawn from any state, carry their card.
CREATE TABLE outbox (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    idem_key      TEXT        NOT NULL UNIQUE,
    op            TEXT        NOT NULL CHECK (op IN ('post', 'update', 'notify')),
    kind          TEXT        NOT NULL,
    subject_id    BIGINT      NOT NULL,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    member_id     TEXT,
    reply_to      TEXT,
    card          JSONB,
    as_of         TIMESTAMPTZ NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    give_up_at    TIMESTAMPTZ NOT NULL,
    version       INT         NOT NULL DEFAULT 1,
    attempts      INT         NOT NULL DEFAULT 0,
    claimed_by    TEXT,
    lease_until   TIMESTAMPTZ,
    state         TEXT        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed', 'dropped')),
    outcome       TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    done_at       TIMESTAMPTZ
);
CREATE INDEX outbox_due ON outbox (due_at, id) WHERE state = 'pending';
CREATE INDEX outbox_pending_channel ON outbox (platform, workspace_id, channel_id) WHERE state = 'pending';
CREATE INDEX outbox_channel_history ON outbox (platform, workspace_id, channel_id, done_at) WHERE state <> 'pending';

-- The platform's ids of what was sent (several rows when a digest took several Slack messages), so that every
-- feature can redraw its messages, and a post cut short resumes at the next part. Kept after the outbox row
-- is forgotten: a card can be redrawn weeks later.
CREATE TABLE sent_message (
    outbox_id     BIGINT      NOT NULL,
    part          INT         NOT NULL,
    kind          TEXT        NOT NULL,
    subject_id    BIGINT      NOT NULL,
    platform      TEXT        NOT NULL,
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    message_id    TEXT        NOT NULL,
    sent_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (outbox_id, part)
);
CREATE INDEX sent_message_subject ON sent_message (kind, subject_id, platform, workspace_id, channel_id);

-- The cards posted before the outbox existed keep their ids here (under a negative outbox id of their own).
INSERT INTO sent_message (outbox_id, part, kind, subject_id, platform, workspace_id, channel_id, message_id, sent_at)
SELECT -id, 0, kind, id, platform, workspace_id, channel_id, message_id, created_at
FROM signal WHERE message_id IS NOT NULL;
ALTER TABLE signal DROP COLUMN message_id;
