package io.collectivepulse.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.postgresql.PGStatement;

/**
 * Has PostgreSQL plan a statement for the values and the table sizes of each execution. The driver otherwise
 * prepares a statement it sees often on its connection, and PostgreSQL may then keep one generic plan for the
 * connection's life, costed from the tables as they were then: the outbox's claim, planned on a fresh start (no
 * row pending), later walked all 2,000 pending rows and ran its pick once for each of them, 4 to 26 s of a core
 * per claim (measured in the ack benchmark). For statements whose best plan changes with the size of a table
 * that grows from nothing to thousands of rows in minutes; planning costs a fraction of a millisecond.
 */
public final class PlannedEachTime implements StatementCustomizer {
    public static final PlannedEachTime INSTANCE = new PlannedEachTime();

    private PlannedEachTime() {
    }

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext ctx) throws SQLException {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
    }
}
