-- The Bot Connector delivers an activity again when the bot was slow or failed to answer: each message
-- activity is handled once. Rows older than two days are removed by the housekeeping job.
CREATE TABLE teams_activity (
    conversation_id TEXT        NOT NULL,
    activity_id     TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, activity_id)
);
CREATE INDEX teams_activity_received ON teams_activity (received_at);
