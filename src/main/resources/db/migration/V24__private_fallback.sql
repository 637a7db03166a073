-- An answer meant for one member goes to their private conversation with the bot (Teams: the 1:1 chat, opened on
-- demand); where that conversation cannot be opened, the answer goes instead to the thread of the message it
-- answers, in the same workspace, with a line saying it could not be sent privately. The dispatcher writes that
-- reply, once (its key is the row's with ":fallback"), in the transaction that records the refusal.
ALTER TABLE outbox
    ADD COLUMN fallback_channel_id TEXT,
    ADD COLUMN fallback_reply_to   TEXT,
    ADD COLUMN fallback_card       JSONB;
