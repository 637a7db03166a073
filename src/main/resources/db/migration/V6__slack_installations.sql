-- Slack workspaces that installed the app through OAuth (multi-workspace mode), and the OAuth states
-- issued to browsers starting an installation (single use, ten minutes).
CREATE TABLE slack_installation (
    team_id            TEXT        PRIMARY KEY,
    enterprise_id      TEXT,
    app_id             TEXT,
    bot_id             TEXT,
    bot_user_id        TEXT,
    bot_scope          TEXT,
    bot_token          TEXT        NOT NULL,
    installer_user_id  TEXT,
    installed_at       TIMESTAMPTZ NOT NULL
);

CREATE TABLE slack_oauth_state (
    state       TEXT        PRIMARY KEY,
    expires_at  TIMESTAMPTZ NOT NULL
);
