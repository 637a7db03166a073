-- The outbox is claimed by channel, not by row: a replica leases a channel whose next row is due and takes that
-- channel's next rows, so that a channel with thousands of rows waiting (a flood, a platform answering 429) costs
-- the claim one index probe, not a scan of its backlog at every poll.
CREATE TABLE outbox_channel (
    platform      TEXT        NOT NULL,
    workspace_id  TEXT        NOT NULL,
    channel_id    TEXT        NOT NULL,
    -- No pending row of the channel is due before this (NULL: none is pending). Lowered by every row that becomes
    -- pending (the trigger below); set again from the rows by the replica that ends its lease on the channel.
    next_due      TIMESTAMPTZ,
    claimed_by    TEXT,
    lease_until   TIMESTAMPTZ,
    PRIMARY KEY (platform, workspace_id, channel_id)
);
CREATE INDEX outbox_channel_due ON outbox_channel (next_due) WHERE next_due IS NOT NULL;

INSERT INTO outbox_channel (platform, workspace_id, channel_id, next_due)
SELECT platform, workspace_id, channel_id, min(due_at) FROM outbox WHERE state = 'pending'
GROUP BY platform, workspace_id, channel_id;

CREATE FUNCTION outbox_channel_due() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO outbox_channel (platform, workspace_id, channel_id, next_due)
    VALUES (NEW.platform, NEW.workspace_id, NEW.channel_id, NEW.due_at)
    ON CONFLICT (platform, workspace_id, channel_id)
        DO UPDATE SET next_due = LEAST(outbox_channel.next_due, EXCLUDED.next_due);
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_row_added AFTER INSERT ON outbox
    FOR EACH ROW WHEN (NEW.state = 'pending') EXECUTE FUNCTION outbox_channel_due();
CREATE TRIGGER outbox_row_due AFTER UPDATE OF state, due_at ON outbox
    FOR EACH ROW WHEN (NEW.state = 'pending' AND (OLD.state <> 'pending' OR NEW.due_at < OLD.due_at))
    EXECUTE FUNCTION outbox_channel_due();

-- Ends a replica's lease on a channel, setting when its next row is due from the rows themselves. The channel is
-- locked first and the rows read by the next statement, which sees every transaction that had added a row before
-- the lock was granted (a row added later lowers next_due itself): one round trip for the dispatcher.
CREATE FUNCTION outbox_end_channel(owner TEXT, p TEXT, w TEXT, c TEXT) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM outbox_channel
    WHERE platform = p AND workspace_id = w AND channel_id = c AND claimed_by = owner
    FOR UPDATE;
    IF FOUND THEN
        UPDATE outbox_channel
        SET claimed_by = NULL, lease_until = NULL,
            next_due = (SELECT min(due_at) FROM outbox
                        WHERE state = 'pending' AND platform = p AND workspace_id = w AND channel_id = c)
        WHERE platform = p AND workspace_id = w AND channel_id = c;
    END IF;
END
$$;

-- A channel's due rows in order, for the claim; the scan of all due rows is gone.
DROP INDEX outbox_due;
DROP INDEX outbox_pending_channel;
CREATE INDEX outbox_pending_channel ON outbox (platform, workspace_id, channel_id, due_at, id) WHERE state = 'pending';
