-- A row added to a channel no longer writes the channel's row unless it lowers when the channel's next row is due,
-- and it holds a shared lock on it rather than an exclusive one. Measured in the ack benchmark: every added row
-- wrote a new version of its channel's row (200 a second on a hundred rows, each upsert then walking its row's chain
-- of dead versions: 0.3 ms, 7 ms while vacuum was held back), and held the row exclusively until its transaction
-- committed, so that the acknowledgements of one busy channel queued behind each other (8.8 ms a statement at the
-- Teams path's saturation, all in one conversation).
--
-- The lock that stays is what outbox_end_channel relies on: its FOR UPDATE waits for the transactions adding rows
-- (their KEY SHARE) and then counts their rows; a row added after it waits for it and then lowers next_due itself.
-- A claim locks the channels it takes FOR NO KEY UPDATE, which does not wait for the rows being added.
CREATE OR REPLACE FUNCTION outbox_channel_due() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    due TIMESTAMPTZ;
BEGIN
    SELECT next_due INTO due FROM outbox_channel
    WHERE platform = NEW.platform AND workspace_id = NEW.workspace_id AND channel_id = NEW.channel_id
    FOR KEY SHARE;
    IF NOT FOUND THEN
        INSERT INTO outbox_channel (platform, workspace_id, channel_id, next_due)
        VALUES (NEW.platform, NEW.workspace_id, NEW.channel_id, NEW.due_at)
        ON CONFLICT (platform, workspace_id, channel_id)
            DO UPDATE SET next_due = LEAST(outbox_channel.next_due, EXCLUDED.next_due);
    ELSIF due IS NULL OR NEW.due_at < due THEN
        UPDATE outbox_channel SET next_due = LEAST(next_due, NEW.due_at)
        WHERE platform = NEW.platform AND workspace_id = NEW.workspace_id AND channel_id = NEW.channel_id;
    END IF;
    RETURN NULL;
END
$$;
