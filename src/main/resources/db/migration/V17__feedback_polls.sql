-- The feedback poll launched after each session (poll/): at most one per session, whichever replica's end fires or
-- however often. Null for the polls facilitators launch. A session is never deleted but with its community, which
-- takes its polls with it.
ALTER TABLE poll ADD COLUMN session_id BIGINT UNIQUE REFERENCES session (id) ON DELETE SET NULL;

-- What polls do for each community. A community without a row has the defaults: a feedback poll after each session.
CREATE TABLE poll_settings (
    community_id      BIGINT  PRIMARY KEY REFERENCES community (id) ON DELETE CASCADE,
    -- /pulse retour-seance off|on: whether a feedback poll goes out at the end of each session.
    session_feedback  BOOLEAN NOT NULL
);
