-- The key that signs where a private card's buttons come from: a card the bot sends to a member's private chat on
-- behalf of a channel (Teams has no message for one member in a channel) names that channel in its buttons' data,
-- signed, so that a press from the private chat is handled in the channel's community and nowhere else. One random
-- key per database, written by the first replica that needs it (PressOrigins), shared by every replica.
CREATE TABLE service_key (
    name       TEXT        PRIMARY KEY,
    value      BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
