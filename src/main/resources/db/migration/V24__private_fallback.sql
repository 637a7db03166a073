-- An answer meant for one member goes to their private conversation with the bot (Teams: the 1:1 chat, opened on
-- demand); where that conversation cannot be opened, the answer goes instead to the thread of the message it
-- answers, in the same workspace, with a line saying it could not be sent privately. The dispatcher writes that
-- reply, once (its key is the row's with ":fallback"), in the transaction that records the refusal.
ALTER TABLE outbox
    ADD COLUMN fallback_channel_id TEXT,
    ADD COLUMN fallback_reply_to   TEXT,
    ADD COLUMN fallback_card       JSONB;

-- Slack: the latest response_url of each member's command or button press in a channel (Slack accepts five
-- messages through one for 30 minutes). Where the bot is not in the channel (a private channel it was not invited
-- to), chat.postEphemeral fails as the channel post does: the member's notice goes through this URL instead, and
-- they are told once, through it, that the channel could not be written to (told_at).
CREATE TABLE slack_response_url (
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    url           TEXT        NOT NULL,
    received_at   TIMESTAMPTZ NOT NULL,
    told_at       TIMESTAMPTZ,
    PRIMARY KEY (workspace_id, channel_id, user_id)
);
CREATE INDEX slack_response_url_received ON slack_response_url (received_at);
