-- One-time links to a poll's CSV file (/sondage export <n°>, poll/ and spreadsheet/). The link's token (256 random
-- bits) is shown once to the facilitator who asked and never stored: only its SHA-256, so that whoever reads the
-- database cannot download a file with it. A link is used once (used_at, set by the one UPDATE that redeems it) and
-- expires 15 minutes after it is made; the housekeeping job deletes expired rows.
CREATE TABLE poll_export (
    token_hash  BYTEA       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    poll_id     BIGINT      NOT NULL REFERENCES poll (id) ON DELETE CASCADE,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX poll_export_expiry ON poll_export (expires_at);
CREATE INDEX poll_export_poll ON poll_export (poll_id);
