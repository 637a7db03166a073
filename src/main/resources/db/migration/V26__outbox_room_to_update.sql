-- An outbox row is written three times: added, claimed (its owner and attempts), done. Room left in each page lets
-- the claim rewrite the row in its page (a heap-only update, no new index entries), so that the index of pending
-- rows, which every claim walks, does not fill with entries of versions nobody sees any more; vacuum clears the
-- rest after a fiftieth of the table changed rather than a fifth. A channel's row is rewritten by every row added
-- to it (its next due time): room in its pages too.
ALTER TABLE outbox SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.02,
                        autovacuum_analyze_scale_factor = 0.02);
ALTER TABLE outbox_channel SET (fillfactor = 50);
