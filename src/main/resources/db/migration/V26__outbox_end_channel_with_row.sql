-- A channel's lease ends in the statement that records the last row its lane sent, one round trip rather than two.
-- That statement's own update may not be visible to the function (it runs in the same statement): the row it just
-- finished is named, and left out of the channel's next due row unless the update left it pending (a newer
-- version of it was asked meanwhile, see OutboxDao.FINISH).
CREATE FUNCTION outbox_end_channel(owner TEXT, p TEXT, w TEXT, c TEXT, finished BIGINT) RETURNS VOID
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM 1 FROM outbox_channel
    WHERE platform = p AND workspace_id = w AND channel_id = c AND claimed_by = owner
    FOR UPDATE;
    IF FOUND THEN
        UPDATE outbox_channel
        SET claimed_by = NULL, lease_until = NULL,
            next_due = (SELECT min(due_at) FROM outbox
                        WHERE state = 'pending' AND platform = p AND workspace_id = w AND channel_id = c
                          AND id IS DISTINCT FROM finished)
        WHERE platform = p AND workspace_id = w AND channel_id = c;
    END IF;
END
$$;
