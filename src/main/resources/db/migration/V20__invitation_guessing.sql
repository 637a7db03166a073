-- Invitation codes tried and refused (unknown, already used or expired), one row per try, so that guessing is
-- limited per channel and per workspace or tenant on every replica and across restarts (see
-- community/InvitationTries: 10 refusals an hour in a channel, 30 in a workspace). A successful redemption and a
-- try refused for too many tries write nothing. The daily housekeeping forgets rows older than a day, so the table
-- stays small: at most 30 rows an hour per workspace.
CREATE TABLE invite_failure (
    id            BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    tried_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX invite_failure_channel ON invite_failure (platform, workspace_id, channel_id, tried_at);
CREATE INDEX invite_failure_workspace ON invite_failure (platform, workspace_id, tried_at);

-- The workspace or tenant of the facilitator who issued a code (created_by is "platform:user"): only they are told
-- why a code they issued was refused. NULL for codes issued before this migration, matched on created_by alone.
ALTER TABLE invite ADD COLUMN created_in TEXT;
