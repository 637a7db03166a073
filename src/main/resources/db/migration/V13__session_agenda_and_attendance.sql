-- What facilitators decide about a session once the shared watch has filled its agenda (session/): the items they
-- took off it, and who came, once they record it (until then, who came is read from the answers).

-- An item taken off the agenda of one session: a signal (its id) or a theme taken up (its name). The agenda is
-- still computed from the shared watch; these rows are filtered out of it. Deleting the row puts the item back.
CREATE TABLE session_agenda_removal (
    session_id  BIGINT      NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    item_kind   TEXT        NOT NULL CHECK (item_kind IN ('signal', 'theme')),
    item_key    TEXT        NOT NULL CHECK (char_length(item_key) BETWEEN 1 AND 40),
    removed_by  TEXT        NOT NULL,
    removed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, item_kind, item_key)
);

-- Who came to a session, as a facilitator recorded it: one row per member who had answered its announcement,
-- present or not, all written together. A session without rows has its attendance read from the "yes" answers.
CREATE TABLE session_attendance (
    session_id    BIGINT      NOT NULL REFERENCES session (id) ON DELETE CASCADE,
    platform      TEXT        NOT NULL CHECK (platform IN ('slack', 'teams')),
    workspace_id  TEXT        NOT NULL,
    member_id     TEXT        NOT NULL,
    display_name  TEXT        NOT NULL,
    present       BOOLEAN     NOT NULL,
    recorded_by   TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, platform, workspace_id, member_id)
);
