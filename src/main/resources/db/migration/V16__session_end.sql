-- When a session's end was handed to the features that follow sessions up (the feedback poll): once per session,
-- whichever replica's Quartz trigger fires, and never for a cancelled one.
ALTER TABLE session ADD COLUMN followed_up_at TIMESTAMPTZ;
CREATE INDEX session_to_follow_up ON session (starts_at) WHERE followed_up_at IS NULL AND cancelled_at IS NULL;
