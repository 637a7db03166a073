-- Quartz binds due times with setBigDecimal, so PostgreSQL compares next_fire_time::numeric with a NUMERIC
-- parameter and cannot use Quartz's own BIGINT indexes: with 100,000 stored triggers, every acquisition of the
-- next triggers to fire scanned the whole table (40-92 ms, see BENCHMARKS.md). An index on the very expression
-- PostgreSQL compares serves the acquisition and the misfire queries again.
CREATE INDEX idx_qrtz_t_st_nft_numeric ON qrtz_triggers (sched_name, trigger_state, (next_fire_time::numeric));
