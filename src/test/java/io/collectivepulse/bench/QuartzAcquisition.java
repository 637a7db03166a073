package io.collectivepulse.bench;

import io.collectivepulse.schedule.PulseScheduler;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Quartz's query for the next triggers to fire, explained and run by PostgreSQL, with the due-time bounds
 * bound as Quartz binds them ({@code setBigDecimal}, so NUMERIC against a BIGINT column) or as BIGINT.
 */
record QuartzAcquisition(String plan, double millis) {
    private static final String QUERY = """
            EXPLAIN (ANALYZE) SELECT trigger_name, trigger_group, next_fire_time, priority FROM qrtz_triggers
            WHERE sched_name = ? AND trigger_state = 'WAITING' AND next_fire_time <= ?
            AND (misfire_instr = -1 OR (misfire_instr <> -1 AND next_fire_time >= ?))
            ORDER BY next_fire_time ASC, priority DESC""";

    static QuartzAcquisition measure(DataSource dataSource, boolean asQuartzBindsIt) throws SQLException {
        long now = System.currentTimeMillis();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, PulseScheduler.CLUSTER_NAME);
            if (asQuartzBindsIt) {
                statement.setBigDecimal(2, BigDecimal.valueOf(now + 30_000));
                statement.setBigDecimal(3, BigDecimal.valueOf(now - 60_000));
            } else {
                statement.setLong(2, now + 30_000);
                statement.setLong(3, now - 60_000);
            }
            List<String> lines = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    lines.add(result.getString(1).trim());
                }
            }
            String scan = lines.stream().filter(l -> l.contains("Scan")).findFirst().orElse(lines.get(0));
            double millis = lines.stream().filter(l -> l.startsWith("Execution Time:"))
                    .mapToDouble(l -> Double.parseDouble(l.replaceAll("[^0-9.]", ""))).findFirst().orElse(Double.NaN);
            return new QuartzAcquisition(scan.replaceAll("^->\\s*", "").replaceAll("\\s*\\(cost=.*", ""), millis);
        }
    }
}
