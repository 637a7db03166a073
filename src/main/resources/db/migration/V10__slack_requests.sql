-- Slack requests already handled, so that a replayed or retried one has no second effect: Events API callbacks
-- by event id, button clicks by action and click time per member, slash commands and modal submissions by the hash
-- of the signed request. Kept a day (Slack retries events for about an hour; a signature is valid five minutes);
-- the answer is kept too, so that a replay gets the first one.
CREATE TABLE slack_request (
    request_key   TEXT        PRIMARY KEY,
    content_type  TEXT,
    body          TEXT,
    received_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX slack_request_age ON slack_request (received_at);
