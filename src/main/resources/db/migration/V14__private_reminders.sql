-- A private reminder that could never reach a member (on Teams: the app is installed neither for them nor in a
-- team of theirs). The reminder is posted once in the announcement's thread instead, mentioning every member it
-- missed: the first of those posts to be drawn takes them all (included_in: the miss whose post names this member).
CREATE TABLE session_reminder_miss (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reminder_id   BIGINT      NOT NULL REFERENCES session_reminder (id) ON DELETE CASCADE,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    advice        TEXT        NOT NULL,
    missed_at     TIMESTAMPTZ NOT NULL,
    included_in   BIGINT,
    UNIQUE (reminder_id, platform, workspace_id, user_id)
);

-- The Teams account id (29:…) of each member the bot heard from, by Entra ID object id (the id features know members
-- by): a member's private chat is opened with it, which Teams allows where the app is installed for the member or in
-- a team of theirs (with the object id, only the former).
CREATE TABLE teams_account (
    tenant_id      TEXT        NOT NULL,
    aad_object_id  TEXT        NOT NULL,
    account_id     TEXT        NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, aad_object_id)
);
