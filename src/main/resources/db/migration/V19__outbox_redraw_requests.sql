-- Redraws asked for by features (a vote, a +1), appended by the transaction of the change and folded by the outbox
-- into the one redraw row of each card and channel (outbox.idem_key 'update:…'). Appending takes no lock another
-- change waits for: 1,000 votes a second on one poll bumped that row five times each (one per channel), and each
-- vote waited for the one before to commit. A request is folded only once committed, so the redraw it causes draws
-- a state that includes its change.
CREATE TABLE outbox_redraw (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          TEXT        NOT NULL,
    subject_id    BIGINT      NOT NULL,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL
);
