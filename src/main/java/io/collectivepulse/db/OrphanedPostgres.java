package io.collectivepulse.db;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL left running on the embedded data directory by a service that died without stopping it (killed
 * with SIGKILL, out of memory): PostgreSQL runs in a session of its own, so it outlives the JVM, and the next
 * server would refuse the directory. Found through the {@code postmaster.pid} PostgreSQL keeps there, and
 * stopped before the embedded server starts.
 */
final class OrphanedPostgres {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);
    /** The lock the embedded library holds on the data directory while its JVM runs. */
    private static final String LIBRARY_LOCK = "epg-lock";
    /**
     * SIGTERM asks for a smart shutdown, which waits for the sessions to end: those of a dead service are gone,
     * so PostgreSQL writes its checkpoint and exits within a second or two.
     */
    private static final Duration CLEAN_STOP = Duration.ofSeconds(20);
    private static final Duration FORCED_STOP = Duration.ofSeconds(5);

    private OrphanedPostgres() {
    }

    /**
     * Stops the PostgreSQL that {@code dataDir/postmaster.pid} names if it is still running on {@code dataDir} and no
     * live service holds the directory, and says in one log line what it did. A pid file naming a dead process is
     * left to PostgreSQL, which checks it and its shared memory itself; one naming a live process that is not a
     * PostgreSQL on this directory (the pid was reused) is removed.
     */
    static void stopIfRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        requireNoLiveService(dataDir);
        List<String> lines = read(pidFile);
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parse(lines.get(0));
        Optional<ProcessHandle> process = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (pid.isEmpty()) {
            delete(pidFile);
            LOG.info("Removed an unreadable postmaster.pid from {}", dataDir);
        } else if (process.isEmpty()) {
            LOG.info("PostgreSQL {} on {} stopped without cleaning up: it recovers from its write-ahead log on start",
                    pid.get(), dataDir);
        } else if (!isPostgresOn(process.get(), dataDir)) {
            delete(pidFile);
            LOG.info("Removed the stale postmaster.pid from {}: process {} is not a PostgreSQL on it", dataDir,
                    pid.get());
        } else {
            stop(process.get(), dataDir);
        }
    }

    /** True when the postmaster that {@code dataDir/postmaster.pid} names is alive and a PostgreSQL on it. */
    static boolean isRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return false;
        }
        return !lines.isEmpty() && parse(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(process -> isPostgresOn(process, dataDir)).isPresent();
    }

    /** The library locks the directory while its JVM lives: a held lock means the server is not an orphan. */
    private static void requireNoLiveService(Path dataDir) {
        try (var out = new FileOutputStream(dataDir.resolve(LIBRARY_LOCK).toFile());
             FileLock lock = out.getChannel().tryLock()) {
            if (lock == null) {
                throw inUse(dataDir);
            }
        } catch (OverlappingFileLockException e) {
            throw inUse(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + dataDir, e);
        }
    }

    private static IllegalStateException inUse(Path dataDir) {
        return new IllegalStateException("The embedded PostgreSQL in " + dataDir
                + " is in use by another running service; give each one its own PULSE_DATA_DIR");
    }

    private static boolean isPostgresOn(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        // pg_ctl starts it as "postgres -D <dataDir> …"; the arguments of another user's process are hidden.
        boolean onDir = info.arguments().map(args -> Arrays.asList(args).contains(dataDir.toString())).orElse(true);
        return postgres && onDir;
    }

    private static void stop(ProcessHandle postmaster, Path dataDir) {
        long start = System.nanoTime();
        postmaster.destroy();
        String how = "cleanly";
        if (!exited(postmaster, CLEAN_STOP)) {
            postmaster.destroyForcibly();
            how = "with SIGKILL after " + CLEAN_STOP.toSeconds() + " s";
            if (!exited(postmaster, FORCED_STOP)) {
                throw new IllegalStateException("Could not stop PostgreSQL " + postmaster.pid() + ", left running on "
                        + dataDir + " by a previous run; stop it by hand");
            }
        }
        LOG.info("Stopped PostgreSQL {}, left running on {} by a previous run, {} in {} ms", postmaster.pid(),
                dataDir, how, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static boolean exited(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> read(Path pidFile) {
        try {
            return Files.readAllLines(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + pidFile, e);
        }
    }

    private static void delete(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove " + pidFile, e);
        }
    }
}
