package io.collectivepulse.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.collectivepulse.Config;
import io.collectivepulse.TestDatabase;
import io.collectivepulse.schedule.PulseScheduler;
import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Quartz's query for the next triggers to fire, with its parameters bound the way Quartz binds them (NUMERIC), can
 * use an index on the due time: without one, every acquisition reads every waiting trigger.
 */
class QuartzIndexTest {

    @Test
    void theAcquisitionQueryAsQuartzBindsItUsesAnIndex() throws Exception {
        Config config = Config.fromEnv(Map.of("DATABASE_URL", TestDatabase.newDatabase(), "DATABASE_USER", "postgres"));
        try (Database database = Database.open(config); Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            // 20,000 weekly triggers waiting over the next week, as many communities would have.
            var seed = connection.createStatement();
            seed.execute("""
                    INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable,
                                                  is_nonconcurrent, is_update_data, requests_recovery)
                    VALUES ('collective-pulse', 'digest', 'bench', 'x', true, false, false, false)""");
            seed.execute("""
                    INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group,
                                               next_fire_time, priority, trigger_state, trigger_type, start_time,
                                               misfire_instr)
                    SELECT 'collective-pulse', 't' || g, 'digest', 'digest', 'bench',
                           (extract(epoch FROM now()) * 1000)::bigint + g * 30000, 5, 'WAITING', 'CRON', 0, 1
                    FROM generate_series(1, 20000) g""");
            seed.execute("ANALYZE qrtz_triggers");
            var statement = connection.prepareStatement("""
                    EXPLAIN SELECT trigger_name, trigger_group, next_fire_time, priority FROM qrtz_triggers
                    WHERE sched_name = ? AND trigger_state = ? AND next_fire_time <= ?
                      AND (misfire_instr = -1 OR (misfire_instr <> -1 AND next_fire_time >= ?))
                    ORDER BY next_fire_time ASC, priority DESC""");
            statement.setString(1, PulseScheduler.CLUSTER_NAME);
            statement.setString(2, "WAITING");
            statement.setBigDecimal(3, BigDecimal.valueOf(System.currentTimeMillis() + 30_000));
            statement.setBigDecimal(4, BigDecimal.valueOf(System.currentTimeMillis() - 60_000));
            List<String> plan = new ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            connection.rollback();
            assertThat(String.join("\n", plan)).contains("idx_qrtz_t_st_nft_numeric", "Index Cond")
                    .containsPattern("Index Cond: .*next_fire_time\\)::numeric <=").doesNotContain("Seq Scan");
        }
    }
}
