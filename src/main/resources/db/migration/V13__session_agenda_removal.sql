-- What facilitators decide about a session once the shared watch has filled its agenda (session/).

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
