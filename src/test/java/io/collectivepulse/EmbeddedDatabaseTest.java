package io.collectivepulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.collectivepulse.support.RunningService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL as the service starts it (PULSE_DATA_DIR, no DATABASE_URL), not as the tests' shared
 * server runs: durable settings, and a start that neither a stale pid file nor a second service can break.
 */
class EmbeddedDatabaseTest {
    @TempDir
    Path dataDir;

    private RunningService start() {
        return RunningService.start(Config.fromEnv(Map.of("PORT", "0", "PULSE_DATA_DIR", dataDir.toString())));
    }

    @Test
    void theServiceRunsItsPostgresWithEveryWriteFlushedAtCommit() {
        try (RunningService service = start()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                String value = service.jdbi().withHandle(h -> h.createQuery("SHOW " + setting)
                        .mapTo(String.class).one());
                assertThat(value).as(setting).isEqualTo("on");
            }
        }
    }

    @Test
    void aPidFileLeftByAProcessThatIsGoneOrIsNoPostgresDoesNotBlockTheStart() throws Exception {
        List<String> pidFile;
        try (RunningService first = start()) {
            pidFile = Files.readAllLines(pidFile());
        }
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        writePidFile(pidFile, ended.pid());
        try (RunningService afterACrash = start()) {
            assertThat(afterACrash.app().database().isUp()).isTrue();
        }
        // The pid was reused, by this very JVM.
        writePidFile(pidFile, ProcessHandle.current().pid());
        try (RunningService afterAReboot = start()) {
            assertThat(afterAReboot.app().database().isUp()).isTrue();
        }
    }

    @Test
    void aSecondServiceOnTheSameDataDirectoryIsRefusedAndLeavesTheFirstOneRunning() {
        try (RunningService first = start()) {
            assertThatThrownBy(this::start).hasMessageContaining("in use by another running service");
            assertThat(first.app().database().isUp()).isTrue();
        }
    }

    private Path pidFile() {
        return dataDir.resolve("postgres").resolve("postmaster.pid");
    }

    private void writePidFile(List<String> lines, long pid) throws IOException {
        List<String> changed = new ArrayList<>(lines);
        changed.set(0, Long.toString(pid));
        Files.write(pidFile(), changed);
    }
}
