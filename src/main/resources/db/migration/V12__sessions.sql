-- The cycle of collective sessions (session/): each session, the members' answers, the reminders planned for it,
-- and each community's reminder settings and calendar feed token.
CREATE TABLE session (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    community_id      BIGINT      NOT NULL REFERENCES community (id) ON DELETE CASCADE,
    number            INT         NOT NULL CHECK (number BETWEEN 1 AND 1000),
    title             TEXT        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 150),
    starts_at         TIMESTAMPTZ NOT NULL,
    duration_minutes  INT         NOT NULL CHECK (duration_minutes BETWEEN 15 AND 720),
    place             TEXT        CHECK (place IS NULL OR char_length(place) BETWEEN 1 AND 200),
    link              TEXT        CHECK (link IS NULL OR char_length(link) BETWEEN 1 AND 500),
    guest             TEXT        CHECK (guest IS NULL OR char_length(guest) BETWEEN 1 AND 150),
    notes             TEXT        CHECK (notes IS NULL OR char_length(notes) BETWEEN 1 AND 2000),
    sequence          INT         NOT NULL DEFAULT 0,
    cancelled_at      TIMESTAMPTZ,
    -- The unguessable id of the session's .ics address (128 random bits, URL-safe base64).
    public_id         TEXT        NOT NULL UNIQUE,
    created_by        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    UNIQUE (community_id, number)
);
CREATE INDEX session_upcoming ON session (community_id, starts_at);

-- One answer per member of the community and session, whichever platform it came from last.
CREATE TABLE session_answer (
    session_id    BIGINT      NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    user_id       TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    answer        TEXT        NOT NULL CHECK (answer IN ('yes', 'maybe', 'no')),
    answered_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, platform, workspace_id, user_id)
);

-- A reminder of one session, planned for one of its dates (sequence): fired once by Quartz, whose trigger is
-- named after this row's id. A session moved gets new rows; the old ones are deleted with their triggers.
CREATE TABLE session_reminder (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id    BIGINT      NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    offset_code   TEXT        NOT NULL,
    due_at        TIMESTAMPTZ NOT NULL,
    sequence      INT         NOT NULL,
    sent_at       TIMESTAMPTZ,
    outcome       TEXT,
    UNIQUE (session_id, offset_code, sequence)
);

CREATE TABLE session_settings (
    community_id      BIGINT      PRIMARY KEY REFERENCES community (id) ON DELETE CASCADE,
    -- When members are reminded, before each session: J-7 (days) or H-1 (hours); empty: no reminder.
    reminders         TEXT[]      NOT NULL,
    -- The token of the community's calendar feed (128 random bits), null until a facilitator asks for it.
    calendar_token    TEXT        UNIQUE,
    updated_at        TIMESTAMPTZ NOT NULL
);
