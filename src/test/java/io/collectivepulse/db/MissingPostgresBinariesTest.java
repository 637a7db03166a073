package io.collectivepulse.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a machine whose PostgreSQL binaries the jar does not hold (here a JVM that says it runs on ppc64le), the
 * service started without DATABASE_URL stops at once with one line saying what to do.
 */
class MissingPostgresBinariesTest {
    @Test
    void withoutBinariesForThisMachineTheServiceStopsAndNamesDatabaseUrl(@TempDir Path dir) throws Exception {
        var builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dos.arch=ppc64le", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                "io.collectivepulse.Main")).redirectErrorStream(true);
        List.of("DATABASE_URL", "DATABASE_USER", "DATABASE_PASSWORD").forEach(builder.environment()::remove);
        builder.environment().put("PORT", "0");
        builder.environment().put("PULSE_DATA_DIR", dir.toString());
        Process process = builder.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the service stops by itself").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("Collective Pulse could not start: this jar has no embedded PostgreSQL for "
                + System.getProperty("os.name") + " ppc64le: set DATABASE_URL to a PostgreSQL server");
    }
}
