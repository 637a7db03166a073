package io.collectivepulse.db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's JDBC job store tables from the script that ships inside the quartz jar, so that the
 * schema follows the library version instead of a copy of it. Its DROP and COMMIT statements are left out:
 * Flyway owns the transaction and the tables are new.
 */
public class V1__QuartzTables extends BaseJavaMigration {
    static final String SCRIPT = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(readScript())) {
                statement.execute(sql);
            }
        }
    }

    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(line -> !line.trim().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";"))
                .map(String::trim)
                .filter(sql -> !sql.isEmpty())
                .filter(sql -> !sql.regionMatches(true, 0, "DROP ", 0, 5))
                .filter(sql -> !sql.equalsIgnoreCase("COMMIT"))
                .toList();
    }

    private static String readScript() throws IOException {
        try (InputStream in = V1__QuartzTables.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IOException(SCRIPT + " is missing from the classpath: is quartz on it?");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
